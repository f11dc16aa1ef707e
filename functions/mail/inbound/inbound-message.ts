import * as z from 'zod';

export const MailboxSchema = z.object({
  address: z.string(),
  name: z.string().nullable(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

export const InboundAttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentId: z.string().nullable(),
  inline: z.boolean(),
  content: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
});
export type InboundAttachment = z.infer<typeof InboundAttachmentSchema>;

/** The raw facts loop-safety rules decide on; nothing here is a decision. */
export const AutomaticFactsSchema = z.object({
  autoSubmitted: z.string().nullable(),
  precedence: z.string().nullable(),
  listId: z.string().nullable(),
  isBounce: z.boolean(),
  bouncedMessageIds: z.array(z.string()),
});
export type AutomaticFacts = z.infer<typeof AutomaticFactsSchema>;

/** What the receiving service (SES, or the local SMTP listener) recorded at the top of the message. */
export const ReceiptFactsSchema = z.object({
  /** PASS, FAIL, GRAY, PROCESSING_FAILED or DISABLED; null when no scan ran. */
  spamVerdict: z.string().nullable(),
  virusVerdict: z.string().nullable(),
  /** The envelope recipient from the topmost Received line, which names the mailbox of a Bcc. */
  envelopeRecipient: z.string().nullable(),
});
export type ReceiptFacts = z.infer<typeof ReceiptFactsSchema>;

/** An inbound e-mail as far as it could be parsed; `problems` says what could not. */
export const InboundMessageSchema = z.object({
  messageId: z.string().nullable(),
  inReplyTo: z.array(z.string()),
  references: z.array(z.string()),
  from: MailboxSchema.nullable(),
  replyTo: MailboxSchema.nullable(),
  to: z.array(MailboxSchema),
  cc: z.array(MailboxSchema),
  /** "" for the null reverse path `<>` that bounces and auto-replies carry. */
  returnPath: z.string().nullable(),
  subject: z.string(),
  date: z.iso.datetime().nullable(),
  /** The new text of the message, without the quoted history of earlier messages. */
  text: z.string(),
  fullText: z.string(),
  html: z.string().nullable(),
  attachments: z.array(InboundAttachmentSchema),
  automatic: AutomaticFactsSchema,
  receipt: ReceiptFactsSchema,
  rawSize: z.number().int().nonnegative(),
  /** Keys a message that has no Message-ID. */
  rawSha256: z.string().regex(/^[0-9a-f]{64}$/),
  problems: z.array(z.string()),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;
