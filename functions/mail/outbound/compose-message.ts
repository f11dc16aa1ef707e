import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { IsoDateTimeSchema } from '../../domain/case.ts';

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** Everything one outbound e-mail carries; ids are written without angle brackets. */
export interface ComposeInput {
  from: { address: string; name?: string };
  replyTo: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
  /** ISO 8601; written as an RFC 5322 date in UTC. */
  date: string;
  attachments: OutboundAttachment[];
  /** Set on mail no person wrote (acknowledgements, notifications), so other systems do not answer it. */
  automatic?: 'auto-replied' | 'auto-generated';
}

// A msg-id as RFC 5322 writes it between its angle brackets: printable ASCII, no brackets, no
// spaces, with an `@`. Anything else would be split or mangled by the composer or by the reader.
const MSG_ID = /^[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+$/;
// One plain addr-spec: the composer reads a comma as a list and folds odd input into some other
// address, so a value that is not exactly one address must not get as far as the composer.
const ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/;

/**
 * Headers that keep machines from answering automatic mail. A person's reply gets neither: an
 * out-of-office notice to it tells the agent the customer is away, Exchange sends that notice
 * once per sender, and the inbound side never answers it (loop safety), so it cannot loop.
 */
function automaticHeaders(automatic: ComposeInput['automatic']): Record<string, string> {
  if (automatic === undefined) return {};
  return {
    // RFC 3834: a responder must not answer mail marked so, which ends auto-reply ping-pong.
    'Auto-Submitted': automatic,
    // Exchange and Outlook read this header (MS-OXCMAIL 2.1.3.2.20) for out-of-office and rule
    // replies, and not every version honours Auto-Submitted. OOF and AutoReply only, not All: All
    // also suppresses non-delivery reports, and a bounce is how we learn an address is dead.
    'X-Auto-Response-Suppress': 'OOF, AutoReply',
  };
}

/**
 * The raw MIME bytes of an outbound e-mail, ready for SESv2 `Content.Raw.Data` or an SMTP `raw`
 * send. Message-ID and Date are exactly the ones given (the composer would otherwise invent
 * them), non-ASCII names, subjects and attachment filenames are MIME-encoded.
 *
 * Throws a RangeError for an unusable Message-ID, date or address, or no recipient. Ids in
 * In-Reply-To and References that are not valid msg-ids are left out instead: they are copied
 * from other people's mail and threading is best effort, so one must never stop a reply.
 */
export async function composeMessage(input: ComposeInput): Promise<Buffer> {
  if (!MSG_ID.test(input.messageId)) throw new RangeError(`not a Message-ID (give it without angle brackets): ${input.messageId}`);
  if (!IsoDateTimeSchema.safeParse(input.date).success) throw new RangeError(`not an ISO date: ${input.date}`);
  if (input.to.length === 0) throw new RangeError('an e-mail needs at least one recipient');
  for (const address of [input.from.address, input.replyTo, ...input.to]) {
    if (!ADDRESS.test(address)) throw new RangeError(`not a single e-mail address: ${address}`);
  }
  const inReplyTo = input.inReplyTo !== undefined && MSG_ID.test(input.inReplyTo) ? input.inReplyTo : undefined;
  const references = input.references.filter((id) => MSG_ID.test(id));

  const composer = new MailComposer({
    from: { name: input.from.name ?? '', address: input.from.address },
    replyTo: input.replyTo,
    to: input.to,
    subject: input.subject,
    text: input.text,
    ...(input.html === undefined ? {} : { html: input.html }),
    messageId: input.messageId,
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
    ...(references.length === 0 ? {} : { references }),
    // A Date object: a string would be written as typed, and ISO 8601 is not an RFC 5322 date.
    date: new Date(input.date),
    headers: automaticHeaders(input.automatic),
    attachments: input.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
    // Everything comes from bytes we hold; nothing in an input may make the composer read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
