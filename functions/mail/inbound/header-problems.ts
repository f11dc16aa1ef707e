import type { Header } from 'postal-mime';

/** Headers a message should carry once; with several, postal-mime uses the first. */
const SINGLE = ['from', 'to', 'cc', 'subject', 'date', 'message-id', 'in-reply-to', 'references', 'reply-to'];
/** RFC 5322 §2.1.1: a line is at most 998 characters. */
const MAX_LINE = 998;

/** Header defects worth an agent's attention: missing, duplicated, unreadable or overlong headers. */
export function headerProblems(headers: Header[], rawHeaderBlock: string): string[] {
  const problems: string[] = [];
  const valid = headers.filter((h) => /^[!-9;-~]+$/.test(h.key));
  if (valid.length === 0) problems.push('no header lines: the bytes are not an e-mail message');
  else if (valid.length < headers.length) problems.push(`${headers.length - valid.length} line(s) in the header block are not headers and were ignored`);
  for (const key of SINGLE) {
    const found = valid.filter((h) => h.key === key);
    if (found.length > 1) problems.push(`header ${found[0]?.originalKey} appears ${found.length} times: the first one was used`);
  }
  if (!valid.some((h) => h.key === 'message-id')) problems.push('no Message-ID header: the message is keyed by the SHA-256 of its raw bytes');
  if (!valid.some((h) => h.key === 'from')) problems.push('no From header');
  const longest = rawHeaderBlock.split(/\r?\n/).reduce((max, line) => Math.max(max, line.length), 0);
  if (longest > MAX_LINE) problems.push(`a header line of ${longest} characters exceeds the ${MAX_LINE} allowed`);
  return problems;
}
