const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_PATTERN = new RegExp(`^${UUID}$`, 'i');
const DOMAIN_PATTERN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
// The sequence part has no leading zeros so that exactly one spelling exists for each entry.
const OUTBOUND_ID_PATTERN = new RegExp(`^case\\.(${UUID})\\.([1-9]\\d{0,15})@(.+)$`, 'i');
const CASE_TOKEN_PATTERN = new RegExp(`\\+c\\.(${UUID})(?=\\+|$)`, 'i');
const CASE_NUMBER_PATTERN = /\[#([1-9]\d*)\]/g;
// Reply and forward markers as English, Polish (Odp, PD = "przekazane dalej") and German clients
// write them, including Outlook's counted form `RE[2]:`; each is followed by a colon.
const SUBJECT_PREFIXES = /^(?:(?:re|odp|fwd?|pd|aw|wg)(?:\[\d+\])?\s*:\s*)+/i;

/** RFC 5321 caps an address's local part at 64 octets; longer ones are refused by some servers. */
export const MAX_LOCAL_PART_LENGTH = 64;
const CASE_TOKEN_LENGTH = '+c.'.length + 36;
/** The longest mailbox local part that still has room for a case token. */
export const MAX_MAILBOX_LOCAL_PART_LENGTH = MAX_LOCAL_PART_LENGTH - CASE_TOKEN_LENGTH;

function assertCaseId(caseId: string): void {
  if (!UUID_PATTERN.test(caseId)) throw new RangeError(`case id must be a UUID: ${caseId}`);
}

/** The bare address inside `Name <addr>`, or the whole input when it has no angle brackets. */
export function bareAddress(address: string): string {
  const bracketed = /<([^<>]*)>/.exec(address);
  return (bracketed ? bracketed[1]! : address).trim();
}

/** Splits at the last `@`, since a quoted local part may itself contain one. */
function splitAddress(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** The local part of an address (`Name <local@domain>` or bare), or the whole address when it has no `@`. */
export function localPartOf(address: string): string {
  const bare = bareAddress(address);
  return splitAddress(bare)?.local ?? bare;
}

/**
 * The Message-ID (without angle brackets) of the mail sent for timeline entry `entrySeq` of a case.
 * Replies quote it in In-Reply-To/References, which is how threading recognises them, and the
 * loop check recognises our own mail coming back. Case id and domain are written in lower case.
 */
export function outboundMessageId(caseId: string, entrySeq: number, mailDomain: string): string {
  assertCaseId(caseId);
  if (!Number.isSafeInteger(entrySeq) || entrySeq < 1) throw new RangeError(`entry sequence must be a positive integer: ${entrySeq}`);
  if (!DOMAIN_PATTERN.test(mailDomain)) throw new RangeError(`not a mail domain: ${mailDomain}`);
  return `case.${caseId.toLowerCase()}.${entrySeq}@${mailDomain.toLowerCase()}`;
}

/**
 * The case and entry a Message-ID names when {@link outboundMessageId} made it for `mailDomain`;
 * null for any other id. Surrounding angle brackets and whitespace are ignored, the domain is
 * compared case-insensitively (mail systems may change its case) and the case id comes back in lower case.
 */
export function parseOutboundMessageId(id: string, mailDomain: string): { caseId: string; entrySeq: number } | null {
  const match = OUTBOUND_ID_PATTERN.exec(id.trim().replace(/^<(.*)>$/, '$1'));
  if (!match) return null;
  const [, caseId, seq, domain] = match as unknown as [string, string, string, string];
  const entrySeq = Number(seq);
  if (domain.toLowerCase() !== mailDomain.toLowerCase() || !Number.isSafeInteger(entrySeq)) return null;
  return { caseId: caseId.toLowerCase(), entrySeq };
}

/**
 * The Reply-To address for a case: the mailbox plus-addressed with the case id, `local+c.<caseId>@domain`.
 * It survives forwarding and replies from CC'd people that drop References.
 * @throws RangeError when the mailbox is not an address or its local part is longer than
 *   {@link MAX_MAILBOX_LOCAL_PART_LENGTH}, since the tagged local part would exceed 64 characters.
 */
export function replyAddress(mailbox: string, caseId: string): string {
  assertCaseId(caseId);
  const parts = /^[^\s"<>@]+@[^\s"<>@]+$/.test(mailbox) ? splitAddress(mailbox) : null;
  if (!parts) throw new RangeError(`mailbox is not a plain e-mail address: ${mailbox}`);
  if (parts.local.length > MAX_MAILBOX_LOCAL_PART_LENGTH) {
    throw new RangeError(
      `mailbox local part '${parts.local}' is ${parts.local.length} characters; at most ${MAX_MAILBOX_LOCAL_PART_LENGTH} leave room for the case token within the ${MAX_LOCAL_PART_LENGTH}-character limit`,
    );
  }
  return `${parts.local}+c.${caseId.toLowerCase()}@${parts.domain}`;
}

/**
 * The case id carried by a `+c.<uuid>` tag in an address's local part (as {@link replyAddress}
 * writes it, in any letter case, also inside `Name <…>`), in lower case; null when there is none.
 */
export function caseIdFromAddress(address: string): string | null {
  const match = CASE_TOKEN_PATTERN.exec(localPartOf(address));
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * The case number in the first well-formed `[#n]` of a subject, wherever it stands (reply and
 * forward prefixes included); null when there is none. Only positive integers without leading
 * zeros count: `[#0]`, `[#-1]`, `[#012]` and `[#12a]` are not ours.
 */
export function caseNumberFromSubject(subject: string): number | null {
  for (const match of subject.matchAll(CASE_NUMBER_PATTERN)) {
    const number = Number(match[1]);
    if (Number.isSafeInteger(number)) return number;
  }
  return null;
}

/**
 * The subject with `[#number]` placed after any leading reply/forward prefixes
 * (`Re: [#1042] Printer`), so clients that collapse `Re:` still do. A subject whose first
 * case number already is `number` comes back unchanged, so replying to a reply never tags twice.
 */
export function subjectWithCaseNumber(subject: string, number: number): string {
  if (!Number.isSafeInteger(number) || number < 1) throw new RangeError(`case number must be a positive integer: ${number}`);
  if (caseNumberFromSubject(subject) === number) return subject;
  const trimmed = subject.trim();
  const prefixes = SUBJECT_PREFIXES.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(prefixes.length);
  return [prefixes.trimEnd(), `[#${number}]`, rest].filter((part) => part !== '').join(' ');
}
