import * as z from 'zod';
import { bareAddress, MAX_MAILBOX_LOCAL_PART_LENGTH } from './mail-identity.ts';

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
// Plus signs are ours: the case token follows the first one, so a mailbox may not have its own.
const LOCAL_PART = new RegExp(`^[a-z0-9](?:[a-z0-9._-]{0,${MAX_MAILBOX_LOCAL_PART_LENGTH - 2}}[a-z0-9])?$`);

export const MailboxSchema = z.strictObject({
  /** Where customers write, e.g. `support@acme.example`; replies leave from it. */
  address: z
    .string()
    .transform((address) => address.toLowerCase())
    .pipe(z.string().refine((address) => isMailbox(address), { message: `a plain address whose local part is at most ${MAX_MAILBOX_LOCAL_PART_LENGTH} characters of a-z, 0-9, '.', '_' or '-'` })),
  /** The inbox (queue name) new cases from this mailbox land in. */
  inbox: z.string().min(1).max(320),
  /** The name replies are signed with, e.g. "Acme Support". */
  displayName: z.string().min(1).max(100).optional(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

/**
 * A tenant's mail: the domain its mailboxes live in (verified in SES; our Message-IDs end in it)
 * and the mailboxes customers write to. Mail for any other address of the domain is recorded as a
 * case rejected as "unknown address".
 */
export const MailConfigSchema = z
  .strictObject({
    domain: z
      .string()
      .transform((domain) => domain.toLowerCase())
      .pipe(z.string().regex(DOMAIN, 'a mail domain such as support.acme.example')),
    mailboxes: z.array(MailboxSchema).min(1).max(20),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.mailboxes.forEach((mailbox, index) => {
      if (!mailbox.address.endsWith(`@${config.domain}`)) {
        ctx.addIssue({ code: 'custom', path: ['mailboxes', index, 'address'], message: `must be in the mail domain ${config.domain}` });
      }
      if (seen.has(mailbox.address)) ctx.addIssue({ code: 'custom', path: ['mailboxes', index, 'address'], message: `duplicate mailbox ${mailbox.address}` });
      seen.add(mailbox.address);
    });
  });
export type MailConfig = z.infer<typeof MailConfigSchema>;

function isMailbox(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && LOCAL_PART.test(address.slice(0, at)) && DOMAIN.test(address.slice(at + 1));
}

/**
 * The configured mailbox an address reaches, ignoring a `+tag` (our case token or the customer's
 * own) and letter case; null for an address of another mailbox or domain.
 */
export function mailboxFor(config: MailConfig, address: string): Mailbox | null {
  const bare = bareAddress(address).toLowerCase();
  const at = bare.lastIndexOf('@');
  if (at <= 0) return null;
  const local = bare.slice(0, at).split('+')[0];
  const canonical = `${local}@${bare.slice(at + 1)}`;
  return config.mailboxes.find((mailbox) => mailbox.address === canonical) ?? null;
}

/** True when the address is in the tenant's mail domain, so unknown mailboxes there are ours to answer for. */
export function inMailDomain(config: MailConfig, address: string): boolean {
  return bareAddress(address).toLowerCase().endsWith(`@${config.domain}`);
}
