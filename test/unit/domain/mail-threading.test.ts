import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outboundMessageId, replyAddress } from '../../../functions/domain/mail-identity.ts';
import {
  chooseThread,
  type ResolvedCandidate,
  type ThreadingCandidate,
  type ThreadingHeaders,
  threadingCandidates,
} from '../../../functions/domain/mail-threading.ts';

const DOMAIN = 'mail.acme.example';
const CASE_A = '11111111-1111-4111-8111-111111111111';
const CASE_B = '22222222-2222-4222-8222-222222222222';
const CASE_C = '33333333-3333-4333-8333-333333333333';
const CASE_D = '44444444-4444-4444-8444-444444444444';
const ours = (caseId: string, seq = 1) => `<${outboundMessageId(caseId, seq, DOMAIN)}>`;
const FOREIGN_ID = '<CAF=abc123@mail.gmail.com>';

function aMessage(overrides: Partial<ThreadingHeaders> = {}): ThreadingHeaders {
  return { inReplyTo: [], references: [], to: ['support@acme.example'], cc: [], subject: 'Printer broken', ...overrides };
}

describe('threadingCandidates', () => {
  it('finds nothing in a first message', () => {
    const candidates = threadingCandidates(aMessage(), DOMAIN);

    expect(candidates).toEqual([]);
  });

  it('orders References (latest first), then In-Reply-To, then reply addresses, then the subject number', () => {
    const message = aMessage({
      references: [FOREIGN_ID, ours(CASE_A), ours(CASE_B)],
      inReplyTo: [ours(CASE_C)],
      to: ['support@acme.example', replyAddress('support@acme.example', CASE_D)],
      subject: 'Re: [#1042] Printer broken',
    });

    const candidates = threadingCandidates(message, DOMAIN);

    expect(candidates).toEqual([
      { by: 'message_id', caseId: CASE_B },
      { by: 'message_id', caseId: CASE_A },
      { by: 'message_id', caseId: CASE_C },
      { by: 'reply_address', caseId: CASE_D },
      { by: 'subject_number', number: 1042 },
    ]);
  });

  it.each<[string, Partial<ThreadingHeaders>, ThreadingCandidate[]]>([
    ['only In-Reply-To', { inReplyTo: [ours(CASE_A)] }, [{ by: 'message_id', caseId: CASE_A }]],
    ['raw header values listing several ids', { references: [`${ours(CASE_A)} ${FOREIGN_ID}\r\n ${ours(CASE_B)}`], inReplyTo: [`${ours(CASE_C)}, ${FOREIGN_ID}`] }, [
      { by: 'message_id', caseId: CASE_B },
      { by: 'message_id', caseId: CASE_A },
      { by: 'message_id', caseId: CASE_C },
    ]],
    ['an id without angle brackets', { references: [outboundMessageId(CASE_A, 3, DOMAIN)] }, [{ by: 'message_id', caseId: CASE_A }]],
    ['a reply address in To', { to: [replyAddress('support@acme.example', CASE_A)] }, [{ by: 'reply_address', caseId: CASE_A }]],
    [
      'a reply address in Cc, the reply of a CC’d person',
      { to: ['someone@customer.example'], cc: [`Acme <${replyAddress('support@acme.example', CASE_A)}>`] },
      [{ by: 'reply_address', caseId: CASE_A }],
    ],
    ['To before Cc', { to: [replyAddress('support@acme.example', CASE_A)], cc: [replyAddress('support@acme.example', CASE_B)] }, [
      { by: 'reply_address', caseId: CASE_A },
      { by: 'reply_address', caseId: CASE_B },
    ]],
    ['only a subject number, as in forwarded mail', { subject: 'Fwd: [#1042] Printer broken' }, [{ by: 'subject_number', number: 1042 }]],
    ['a Polish reply prefix', { subject: 'Odp: [#7] Drukarka' }, [{ by: 'subject_number', number: 7 }]],
  ])('finds the case by %s', (_what, overrides, expected) => {
    const candidates = threadingCandidates(aMessage(overrides), DOMAIN);

    expect(candidates).toEqual(expected);
  });

  it.each<[string, Partial<ThreadingHeaders>]>([
    ['foreign Message-IDs', { references: [FOREIGN_ID], inReplyTo: ['<abc@outlook.com>'] }],
    ['our format at another domain', { references: [`<${outboundMessageId(CASE_A, 1, 'other.example')}>`] }],
    ['our format with a non-UUID case', { inReplyTo: ['<case.1042.1@mail.acme.example>'] }],
    ['a plain mailbox', { to: ['support@acme.example'], cc: ['boss@customer.example'] }],
    ['a malformed subject number', { subject: 'Re: [#0] [#-1] [#12a] Printer' }],
  ])('ignores %s', (_what, overrides) => {
    const candidates = threadingCandidates(aMessage(overrides), DOMAIN);

    expect(candidates).toEqual([]);
  });

  it('names each case once, at its strongest way', () => {
    const message = aMessage({
      references: [ours(CASE_A, 1), ours(CASE_A, 2)],
      inReplyTo: [ours(CASE_A, 2)],
      to: [replyAddress('support@acme.example', CASE_A)],
      cc: [replyAddress('support@acme.example', CASE_A)],
    });

    const candidates = threadingCandidates(message, DOMAIN);

    expect(candidates).toEqual([{ by: 'message_id', caseId: CASE_A }]);
  });

  it('never puts a weaker way before a stronger one', () => {
    const strength = { message_id: 0, reply_address: 1, subject_number: 2 } as const;
    const caseIds = fc.constantFrom(CASE_A, CASE_B, CASE_C);
    const headers = fc.record({
      references: fc.array(fc.oneof(caseIds.map((id) => ours(id)), fc.constant(FOREIGN_ID))),
      inReplyTo: fc.array(fc.oneof(caseIds.map((id) => ours(id)), fc.constant(FOREIGN_ID)), { maxLength: 2 }),
      to: fc.array(fc.oneof(caseIds.map((id) => replyAddress('support@acme.example', id)), fc.constant('support@acme.example'))),
      cc: fc.array(fc.oneof(caseIds.map((id) => replyAddress('support@acme.example', id)), fc.emailAddress())),
      subject: fc.oneof(fc.string(), fc.nat({ max: 10_000 }).map((n) => `Re: [#${n}] x`)),
    });
    fc.assert(
      fc.property(headers, (message) => {
        const ranks = threadingCandidates(message, DOMAIN).map((c) => strength[c.by]);

        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });
});

describe('chooseThread', () => {
  const byReferences: ThreadingCandidate = { by: 'message_id', caseId: CASE_A };
  const byAddress: ThreadingCandidate = { by: 'reply_address', caseId: CASE_B };
  const bySubject: ThreadingCandidate = { by: 'subject_number', number: 1042 };

  it.each<[string, ResolvedCandidate[], ReturnType<typeof chooseThread>]>([
    ['no candidates', [], { kind: 'new' }],
    [
      'no candidate resolving',
      [{ candidate: byReferences, caseId: null }, { candidate: byAddress, caseId: null }, { candidate: bySubject, caseId: null }],
      { kind: 'new' },
    ],
    [
      'the Message-ID resolving',
      [{ candidate: byReferences, caseId: CASE_A }, { candidate: byAddress, caseId: CASE_B }, { candidate: bySubject, caseId: CASE_C }],
      { kind: 'existing', caseId: CASE_A, by: 'message_id' },
    ],
    [
      'only the reply address and subject resolving',
      [{ candidate: byReferences, caseId: null }, { candidate: byAddress, caseId: CASE_B }, { candidate: bySubject, caseId: CASE_C }],
      { kind: 'existing', caseId: CASE_B, by: 'reply_address' },
    ],
    [
      'only the subject number resolving',
      [{ candidate: byReferences, caseId: null }, { candidate: byAddress, caseId: null }, { candidate: bySubject, caseId: CASE_C }],
      { kind: 'existing', caseId: CASE_C, by: 'subject_number' },
    ],
  ])('with %s picks the right thread', (_what, resolved, thread) => {
    expect(chooseThread(resolved)).toEqual(thread);
  });
});
