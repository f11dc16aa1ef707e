import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTO_REPLY_LIMIT,
  type AutomaticMailFacts,
  type AutomaticReason,
  automaticReason,
  mayAutoReply,
} from '../../../functions/domain/loop-safety.ts';
import { outboundMessageId } from '../../../functions/domain/mail-identity.ts';
import { CASE_ID } from '../../fixtures/cases.ts';

const DOMAIN = 'mail.acme.example';

function aPersonalMessage(overrides: Partial<AutomaticMailFacts> = {}): AutomaticMailFacts {
  return {
    autoSubmitted: null,
    precedence: null,
    listId: null,
    returnPath: '<jan.kowalski@customer.example>',
    from: 'Jan Kowalski <jan.kowalski@customer.example>',
    isBounce: false,
    messageId: '<CAF=abc123@mail.gmail.com>',
    ...overrides,
  };
}

describe('automaticReason', () => {
  it('lets a personal message be answered', () => {
    expect(automaticReason(aPersonalMessage(), DOMAIN)).toBeNull();
  });

  it.each<[string, Partial<AutomaticMailFacts>, AutomaticReason]>([
    ['a DSN bounce', { isBounce: true }, 'bounce'],
    ['our own Message-ID', { messageId: `<${outboundMessageId(CASE_ID, 3, DOMAIN)}>` }, 'own_message'],
    ['our own Message-ID with the domain upper-cased', { messageId: outboundMessageId(CASE_ID, 3, DOMAIN).toUpperCase() }, 'own_message'],
    ['Auto-Submitted: auto-replied', { autoSubmitted: 'auto-replied' }, 'auto_submitted'],
    ['Auto-Submitted: auto-generated', { autoSubmitted: 'auto-generated' }, 'auto_submitted'],
    ['Auto-Submitted: auto-notified', { autoSubmitted: 'auto-notified' }, 'auto_submitted'],
    ['Auto-Submitted with parameters', { autoSubmitted: 'auto-replied; owner-email="jan@customer.example"' }, 'auto_submitted'],
    ['Auto-Submitted in upper case', { autoSubmitted: 'AUTO-REPLIED' }, 'auto_submitted'],
    ['an unknown Auto-Submitted keyword', { autoSubmitted: 'yes' }, 'auto_submitted'],
    ['an empty Auto-Submitted', { autoSubmitted: '' }, 'auto_submitted'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'precedence'],
    ['Precedence: junk', { precedence: 'junk' }, 'precedence'],
    ['Precedence: list', { precedence: 'list' }, 'precedence'],
    ['Precedence: auto_reply', { precedence: 'auto_reply' }, 'precedence'],
    ['Precedence in mixed case with spaces', { precedence: '  Bulk ' }, 'precedence'],
    ['a List-Id', { listId: '<announce.lists.customer.example>' }, 'mailing_list'],
    ['an empty List-Id', { listId: '' }, 'mailing_list'],
    ['an empty Return-Path', { returnPath: '<>' }, 'null_return_path'],
    ['an empty Return-Path with spaces', { returnPath: ' < > ' }, 'null_return_path'],
    ['a blank Return-Path', { returnPath: '' }, 'null_return_path'],
    ['a MAILER-DAEMON sender', { from: 'Mail Delivery System <MAILER-DAEMON@mx.customer.example>' }, 'system_sender'],
    ['a mailer-daemon sender at any domain', { from: 'mailer-daemon@googlemail.com' }, 'system_sender'],
    ['a postmaster sender', { from: 'Postmaster@customer.example' }, 'system_sender'],
    ['a bare MAILER-DAEMON sender', { from: 'MAILER-DAEMON' }, 'system_sender'],
  ])('refuses to answer %s', (_what, overrides, reason) => {
    expect(automaticReason(aPersonalMessage(overrides), DOMAIN)).toBe(reason);
  });

  it.each<[string, Partial<AutomaticMailFacts>]>([
    ['Auto-Submitted: no', { autoSubmitted: 'no' }],
    ['Auto-Submitted: NO with spaces', { autoSubmitted: ' NO ' }],
    ['Auto-Submitted: no with parameters', { autoSubmitted: 'no; comment' }],
    ['Precedence: first-class', { precedence: 'first-class' }],
    ['Precedence: normal', { precedence: 'normal' }],
    ['no Return-Path', { returnPath: null }],
    ['no From', { from: null }],
    ['no Message-ID', { messageId: null }],
    ['our Message-ID format at another domain', { messageId: outboundMessageId(CASE_ID, 3, 'other.example') }],
    ['a sender whose name only mentions postmaster', { from: 'postmaster.jan@customer.example' }],
    ['a sender at a postmaster domain', { from: 'jan@postmaster.customer.example' }],
  ])('answers despite %s', (_what, overrides) => {
    expect(automaticReason(aPersonalMessage(overrides), DOMAIN)).toBeNull();
  });

  it('reports the first reason when several apply', () => {
    const bounce = aPersonalMessage({ isBounce: true, autoSubmitted: 'auto-replied', returnPath: '<>', from: 'MAILER-DAEMON@mx.example' });

    expect(automaticReason(bounce, DOMAIN)).toBe('bounce');
  });
});

describe('mayAutoReply', () => {
  const NOW = '2026-11-25T12:00:00.000Z';
  const hoursAgo = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();

  it('defaults to 3 automatic mails per sender in 24 hours', () => {
    expect(AUTO_REPLY_LIMIT).toEqual({ count: 3, perHours: 24 });
  });

  it.each<[string, boolean, string[]]>([
    ['no earlier mail', true, []],
    ['two in the window', true, [hoursAgo(1), hoursAgo(23)]],
    ['three in the window', false, [hoursAgo(1), hoursAgo(2), hoursAgo(3)]],
    ['three, one sent exactly 24 hours ago', true, [hoursAgo(1), hoursAgo(2), hoursAgo(24)]],
    ['three, one sent a millisecond less than 24 hours ago', false, [hoursAgo(1), hoursAgo(2), new Date(Date.parse(hoursAgo(24)) + 1).toISOString()]],
    ['three, one sent at this very instant', false, [NOW, hoursAgo(2), hoursAgo(3)]],
    ['three, one stamped in the future by a skewed clock', false, [hoursAgo(1), hoursAgo(2), '2026-11-25T12:00:05.000Z']],
    ['many, all older than the window', true, [hoursAgo(25), hoursAgo(48), hoursAgo(100), hoursAgo(24)]],
    ['times with an offset instead of Z', false, ['2026-11-25T12:30:00+01:00', '2026-11-25T13:00:00+02:00', '2026-11-25T10:00:00+00:00']],
  ])('with %s: may answer = %s', (_what, allowed, previous) => {
    expect(mayAutoReply(previous, NOW)).toBe(allowed);
  });

  it.each<[string, { count: number; perHours: number }, boolean]>([
    ['one per hour, one 30 minutes ago', { count: 1, perHours: 1 }, false],
    ['two per hour, one 30 minutes ago', { count: 2, perHours: 1 }, true],
    ['zero allowed', { count: 0, perHours: 24 }, false],
  ])('applies a given limit: %s', (_what, limit, allowed) => {
    expect(mayAutoReply([hoursAgo(0.5)], NOW, limit)).toBe(allowed);
  });

  it.each([
    ['an unparsable now', [], 'yesterday'],
    ['an unparsable earlier time', ['not a time'], NOW],
  ])('refuses %s', (_what, previous, now) => {
    expect(() => mayAutoReply(previous, now)).toThrow(RangeError);
  });

  it('allows exactly when fewer than the limit fall within the window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60_000, max: 72 * 3_600_000 })), (agesMs) => {
        const previous = agesMs.map((age) => new Date(Date.parse(NOW) - age).toISOString());
        const inWindow = agesMs.filter((age) => age < 24 * 3_600_000).length;

        const allowed = mayAutoReply(previous, NOW);

        expect(allowed).toBe(inWindow < 3);
      }),
    );
  });
});
