import * as z from 'zod';
import type { Case } from './case.ts';
import { IsoDateTimeSchema } from './case.ts';
import { CUSTOMER_LABELS, customerLabel } from './labels.ts';
import type { TimelineEntry } from './timeline.ts';

/** How many public entries a public view shows: the newest, which is what a customer comes back for. */
export const PUBLIC_TIMELINE_ENTRIES = 50;

export const PublicCommentInputSchema = z.strictObject({ text: z.string().trim().min(1).max(100_000) });

export const PublicEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    at: IsoDateTimeSchema,
    from: z.enum(['customer', 'helpdesk']),
    author: z.string().nullable().describe("the agent's name on a reply; null on the customer's own messages and automatic mail"),
    text: z.string(),
    files: z.array(z.string()).describe('the names of the files that came with it; GET /public/case/entries/{seq}/files/{index} downloads one'),
  })
  .meta({ id: 'PublicEntry' });
export type PublicEntry = z.infer<typeof PublicEntrySchema>;

export const PublicCaseSchema = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    status: z.enum(CUSTOMER_LABELS).describe('the customer\'s label ("5 ways" client panel)'),
    open: z.boolean().describe('false once closed: a comment then starts a new linked case, or reopens it where the tenant chose so'),
    createdAt: IsoDateTimeSchema,
    timeline: z.array(PublicEntrySchema).describe(`the newest public entries (up to ${PUBLIC_TIMELINE_ENTRIES}), oldest first`),
  })
  .meta({ id: 'PublicCase' });
export type PublicCase = z.infer<typeof PublicCaseSchema>;

export const PublicCaseResponseSchema = z.object({
  case: PublicCaseSchema,
  token: z.string().describe('the public link token of the case shown: after a comment on a closed case, the new case\'s'),
});

export const PublicLinkResponseSchema = z.object({
  url: z.url().describe('the link, token after `#`: anyone holding it sees the public side of the case and may comment'),
  generation: z.number().int().nonnegative().describe('raised each time the link is replaced'),
});

/**
 * What anyone holding a case's public link sees: the customer's label and the public
 * conversation. Built from an allowlist, so an internal field or entry added later stays out
 * unless it is added here: no notes, field changes, system events, assignee or delegation, and no
 * addresses (a reply's recipients, a mail's sender). Null for a draft, which customers never see.
 * `entries` are newest first, as read.
 */
export function publicCaseView(c: Case, entries: readonly TimelineEntry[]): PublicCase | null {
  const status = customerLabel(c);
  if (status === null) return null;
  const timeline = entries
    .map(publicEntry)
    .filter((entry): entry is PublicEntry => entry !== null)
    .slice(0, PUBLIC_TIMELINE_ENTRIES)
    .reverse();
  return { number: c.number, title: c.title, status, open: c.status !== 'closed', createdAt: c.createdAt, timeline };
}

/** A file a public entry offers, where the mail bucket keeps it. */
export interface PublicFile {
  filename: string;
  contentType: string;
  key: string;
}

/**
 * The files an entry offers publicly, in the order the view lists them (their position is how a
 * download names one): a customer's mail attachments but inline images and quarantined files, a form's files, and
 * the files an agent attached to a reply. None for internal entries.
 */
export function publicFiles(entry: TimelineEntry): PublicFile[] {
  if (entry.type === 'inbound_message') return entry.mail ? entry.mail.attachments.filter((file) => !file.inline && !file.quarantined) : (entry.attachments ?? []);
  if (entry.type === 'reply') return entry.attachments ?? [];
  return [];
}

function publicEntry(entry: TimelineEntry): PublicEntry | null {
  const base = { seq: entry.seq, at: entry.at, files: publicFiles(entry).map((file) => file.filename) };
  switch (entry.type) {
    case 'description':
      return { ...base, from: 'customer', author: null, text: entry.text };
    case 'inbound_message':
      return { ...base, from: 'customer', author: null, text: entry.text };
    case 'reply':
      return { ...base, from: 'helpdesk', author: entry.actor.kind === 'agent' ? (entry.actor.name ?? null) : null, text: entry.text };
    default:
      return null;
  }
}
