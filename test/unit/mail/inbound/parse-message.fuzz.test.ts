import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InboundMessageSchema } from '../../../../functions/mail/inbound/inbound-message.ts';
import { parseInboundMessage } from '../../../../functions/mail/inbound/parse-message.ts';
import { corpus } from './corpus.ts';
import { mutation } from './mutations.ts';

describe('parseInboundMessage on mutated fixtures', () => {
  it('never throws, always reports the raw size and hash, and lists a problem for whatever it could not parse', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (fixture, mutations) => {
        const raw = mutations.reduce<Uint8Array>((bytes, mutate) => mutate(bytes), fixture.raw);

        const message = await parseInboundMessage(raw);

        expect(InboundMessageSchema.safeParse(message).error).toBeUndefined();
        expect(message.rawSize).toBe(raw.byteLength);
        expect(message.rawSha256).toBe(createHash('sha256').update(raw).digest('hex'));
        const unparsed =
          message.messageId === null ||
          message.from === null ||
          (message.fullText === '' && message.attachments.length === 0) ||
          `${message.subject}${message.fullText}`.includes('\ufffd');
        if (unparsed) expect(message.problems).not.toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
