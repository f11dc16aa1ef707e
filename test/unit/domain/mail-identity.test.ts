import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseIdFromAddress,
  caseNumberFromSubject,
  MAX_MAILBOX_LOCAL_PART_LENGTH,
  outboundMessageId,
  parseOutboundMessageId,
  replyAddress,
  subjectWithCaseNumber,
} from '../../../functions/domain/mail-identity.ts';
import { CASE_ID } from '../../fixtures/cases.ts';

const DOMAIN = 'mail.acme.example';
const UPPER_CASE_ID = CASE_ID.toUpperCase();

describe('outboundMessageId', () => {
  it('names the case, the entry and the mail domain without angle brackets', () => {
    const id = outboundMessageId(CASE_ID, 7, DOMAIN);

    expect(id).toBe(`case.${CASE_ID}.7@${DOMAIN}`);
  });

  it('writes case id and domain in lower case', () => {
    const id = outboundMessageId(UPPER_CASE_ID, 1, 'Mail.ACME.example');

    expect(id).toBe(`case.${CASE_ID}.1@mail.acme.example`);
  });

  it.each([
    ['a case id that is not a UUID', 'case-1', 1, DOMAIN],
    ['entry sequence 0', CASE_ID, 0, DOMAIN],
    ['a negative entry sequence', CASE_ID, -1, DOMAIN],
    ['a fractional entry sequence', CASE_ID, 1.5, DOMAIN],
    ['an unsafe entry sequence', CASE_ID, Number.MAX_SAFE_INTEGER + 1, DOMAIN],
    ['an empty domain', CASE_ID, 1, ''],
    ['a domain with an @', CASE_ID, 1, 'a@b.example'],
    ['a domain with a space', CASE_ID, 1, 'acme .example'],
  ])('refuses %s', (_what, caseId, seq, domain) => {
    expect(() => outboundMessageId(caseId, seq, domain)).toThrow(RangeError);
  });
});

describe('parseOutboundMessageId', () => {
  it.each([
    ['a bare id', `case.${CASE_ID}.7@${DOMAIN}`, 7],
    ['an id in angle brackets', `<case.${CASE_ID}.7@${DOMAIN}>`, 7],
    ['an id with surrounding whitespace', `  <case.${CASE_ID}.12@${DOMAIN}> `, 12],
    ['an id whose domain changed case', `case.${CASE_ID}.3@MAIL.Acme.EXAMPLE`, 3],
    ['an id whose case id was upper-cased', `case.${UPPER_CASE_ID}.3@${DOMAIN}`, 3],
  ])('reads %s', (_what, id, entrySeq) => {
    expect(parseOutboundMessageId(id, DOMAIN)).toEqual({ caseId: CASE_ID, entrySeq });
  });

  it.each([
    ['another domain', `case.${CASE_ID}.7@other.example`],
    ['a subdomain of ours', `case.${CASE_ID}.7@x.${DOMAIN}`],
    ['a parent of our domain', `case.${CASE_ID}.7@acme.example`],
    ['a case id that is not a UUID', `case.1042.7@${DOMAIN}`],
    ['a UUID with a bad character', `case.${CASE_ID.replace(/.$/, 'g')}.7@${DOMAIN}`],
    ['a missing sequence', `case.${CASE_ID}@${DOMAIN}`],
    ['sequence 0', `case.${CASE_ID}.0@${DOMAIN}`],
    ['a sequence with a leading zero', `case.${CASE_ID}.07@${DOMAIN}`],
    ['a negative sequence', `case.${CASE_ID}.-7@${DOMAIN}`],
    ['a sequence with letters', `case.${CASE_ID}.7a@${DOMAIN}`],
    ['an unsafe sequence', `case.${CASE_ID}.9007199254740993@${DOMAIN}`],
    ['another prefix', `ticket.${CASE_ID}.7@${DOMAIN}`],
    ['garbage before our format', `x-case.${CASE_ID}.7@${DOMAIN}`],
    ['garbage after the sequence', `case.${CASE_ID}.7.1@${DOMAIN}`],
    ['two ids in one string', `<case.${CASE_ID}.7@${DOMAIN}> <case.${CASE_ID}.8@${DOMAIN}>`],
    ['a foreign client id', `CAF=abc123+def@mail.gmail.com`],
    ['an empty string', ''],
  ])('refuses %s', (_what, id) => {
    expect(parseOutboundMessageId(id, DOMAIN)).toBeNull();
  });

  it('round-trips any UUID, positive entry sequence and domain', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.domain(), (caseId, entrySeq, domain) => {
        const id = outboundMessageId(caseId, entrySeq, domain);

        const parsed = parseOutboundMessageId(id, domain);

        expect(parsed).toEqual({ caseId: caseId.toLowerCase(), entrySeq });
      }),
    );
  });
});

describe('replyAddress', () => {
  it('plus-addresses the mailbox with the case id', () => {
    expect(replyAddress('support@acme.example', CASE_ID)).toBe(`support+c.${CASE_ID}@acme.example`);
  });

  it('writes the case id in lower case', () => {
    expect(replyAddress('support@acme.example', UPPER_CASE_ID)).toBe(`support+c.${CASE_ID}@acme.example`);
  });

  it('keeps a mailbox that already has a plus tag', () => {
    expect(replyAddress('support+pl@acme.example', CASE_ID)).toBe(`support+pl+c.${CASE_ID}@acme.example`);
  });

  it('accepts the longest mailbox local part and stays within 64 characters', () => {
    const local = 'a'.repeat(MAX_MAILBOX_LOCAL_PART_LENGTH);

    const address = replyAddress(`${local}@acme.example`, CASE_ID);

    expect(MAX_MAILBOX_LOCAL_PART_LENGTH).toBe(25);
    expect(address.split('@')[0]).toHaveLength(64);
  });

  it('refuses a mailbox whose local part leaves no room for the case token', () => {
    const local = 'a'.repeat(MAX_MAILBOX_LOCAL_PART_LENGTH + 1);

    expect(() => replyAddress(`${local}@acme.example`, CASE_ID)).toThrow(/local part .* 26 characters; at most 25/);
  });

  it.each([
    ['no @', 'support'],
    ['an empty local part', '@acme.example'],
    ['an empty domain', 'support@'],
    ['a display name', 'Support <support@acme.example>'],
    ['two @', 'a@b@acme.example'],
    ['whitespace', 'sup port@acme.example'],
  ])('refuses a mailbox with %s', (_what, mailbox) => {
    expect(() => replyAddress(mailbox, CASE_ID)).toThrow(RangeError);
  });

  it('refuses a case id that is not a UUID', () => {
    expect(() => replyAddress('support@acme.example', '1042')).toThrow(RangeError);
  });
});

describe('caseIdFromAddress', () => {
  it.each([
    ['a reply address', `support+c.${CASE_ID}@acme.example`],
    ['an upper-cased address', `SUPPORT+C.${UPPER_CASE_ID}@ACME.EXAMPLE`],
    ['an address with a display name', `"Acme Support" <support+c.${CASE_ID}@acme.example>`],
    ['a token after another tag', `support+pl+c.${CASE_ID}@acme.example`],
    ['a token before another tag', `support+c.${CASE_ID}+x@acme.example`],
    ['an address at another domain', `support+c.${CASE_ID}@elsewhere.example`],
  ])('finds the case id in %s', (_what, address) => {
    expect(caseIdFromAddress(address)).toBe(CASE_ID);
  });

  it.each([
    ['a plain mailbox', 'support@acme.example'],
    ['another tag', 'support+sales@acme.example'],
    ['a token without the plus', `supportc.${CASE_ID}@acme.example`],
    ['a token that is not a UUID', 'support+c.1042@acme.example'],
    ['a truncated UUID', `support+c.${CASE_ID.slice(0, -1)}@acme.example`],
    ['garbage glued to the UUID', `support+c.${CASE_ID}x@acme.example`],
    ['the token in the domain', `support@c.${CASE_ID}.acme.example`],
    ['an empty string', ''],
  ])('finds nothing in %s', (_what, address) => {
    expect(caseIdFromAddress(address)).toBeNull();
  });

  it('reads back every reply address', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.stringMatching(/^[a-z0-9._-]{1,25}$/), fc.domain(), (caseId, local, domain) => {
        const address = replyAddress(`${local}@${domain}`, caseId);

        expect(caseIdFromAddress(address)).toBe(caseId.toLowerCase());
      }),
    );
  });
});

describe('caseNumberFromSubject', () => {
  it.each([
    ['[#1042] Printer broken', 1042],
    ['Printer broken [#1042]', 1042],
    ['Re: [#1042] Printer broken', 1042],
    ['RE: Re: [#1042] Printer broken', 1042],
    ['Odp: [#1042] Drukarka nie działa', 1042],
    ['ODP: Odp: [#1042] Drukarka nie działa', 1042],
    ['PD: [#1042] Drukarka nie działa', 1042],
    ['Fwd: [#1042] Printer broken', 1042],
    ['FW: Re: [#1042] Printer broken', 1042],
    ['Re:[#1042]', 1042],
    ['[#1] first case', 1],
    ['[#0] [#1042] the first well-formed one counts', 1042],
    ['Re: [#1042] Fwd: [#7] forwarded from another case', 1042],
  ])('reads %j as %i', (subject, number) => {
    expect(caseNumberFromSubject(subject)).toBe(number);
  });

  it.each([
    'Printer broken',
    '[#0] zero',
    '[#-1] negative',
    '[#12a] letters',
    '[#012] leading zero',
    '[# 12] space',
    '[#] empty',
    '#1042 no brackets',
    '[1042] no hash',
    '[#1.5] fraction',
    '[#99999999999999999999] beyond a safe integer',
    '',
  ])('finds no case number in %j', (subject) => {
    expect(caseNumberFromSubject(subject)).toBeNull();
  });
});

describe('subjectWithCaseNumber', () => {
  it.each([
    ['Printer broken', '[#1042] Printer broken'],
    ['  Printer broken  ', '[#1042] Printer broken'],
    ['Re: Printer broken', 'Re: [#1042] Printer broken'],
    ['Re:Printer broken', 'Re: [#1042] Printer broken'],
    ['RE[2]: Printer broken', 'RE[2]: [#1042] Printer broken'],
    ['Odp: Drukarka nie działa', 'Odp: [#1042] Drukarka nie działa'],
    ['PD: Fwd: Drukarka', 'PD: Fwd: [#1042] Drukarka'],
    ['Re: [#7] another case', 'Re: [#1042] [#7] another case'],
    ['[#12a] not a case number', '[#1042] [#12a] not a case number'],
    ['Re:', 'Re: [#1042]'],
    ['', '[#1042]'],
  ])('tags %j as %j', (subject, tagged) => {
    expect(subjectWithCaseNumber(subject, 1042)).toBe(tagged);
  });

  it.each([
    '[#1042] Printer broken',
    'Re: [#1042] Printer broken',
    'Odp: Re: [#1042] Printer broken',
    'Printer broken [#1042]',
  ])('leaves %j unchanged: it already carries the number', (subject) => {
    expect(subjectWithCaseNumber(subject, 1042)).toBe(subject);
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses case number %d', (number) => {
    expect(() => subjectWithCaseNumber('Printer', number)).toThrow(RangeError);
  });

  it('is idempotent and its number is the one read back, for any subject', () => {
    const subjectArb = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom('', 'Re: ', 'Odp: ', 'Fwd: ', 'PD: ', 'RE: Re: '), fc.constantFrom('', '[#7] ', '[#0] ', '[#12a] '), fc.string()).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(subjectArb, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (subject, number) => {
        const once = subjectWithCaseNumber(subject, number);

        const twice = subjectWithCaseNumber(once, number);

        expect(twice).toBe(once);
        expect(caseNumberFromSubject(once)).toBe(number);
      }),
    );
  });
});
