import { addressParser, decodeWords, type Email, type Header } from 'postal-mime';
import { guessCharset } from './guess-charset.ts';
import { latin1 } from './mime-parts.ts';

const value = (headers: Header[], key: string): string | undefined => headers.find((h) => h.key === key)?.value;

/**
 * The last resort when postal-mime rejects a message: split the raw bytes at the first blank line,
 * read the header lines and take the rest as plain text, each decoded as UTF-8 or a guessed charset.
 */
export function fallbackSplit(raw: Uint8Array): Email {
  const s = latin1(raw);
  const blank = /\r?\n\r?\n/.exec(s);
  const headerEnd = blank ? blank.index : s.length;
  const bodyStart = blank ? blank.index + blank[0].length : s.length;
  const headerText = guessCharset(raw.subarray(0, headerEnd)).text.replace(/\r?\n[ \t]+/g, ' ');
  const headers: Header[] = headerText
    .split(/\r?\n/)
    .map((line) => /^([!-9;-~]+)\s*:\s*(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, name = '', rest = '']) => ({ key: name.toLowerCase(), originalKey: name, value: rest.trim() }));
  const from = value(headers, 'from');
  const subject = value(headers, 'subject');
  return {
    headers,
    headerLines: headers.map((h) => ({ key: h.key, line: `${h.originalKey}: ${h.value}` })),
    from: from ? addressParser(from)[0] : undefined,
    subject: subject === undefined ? undefined : decodeWords(subject),
    messageId: value(headers, 'message-id'),
    inReplyTo: value(headers, 'in-reply-to'),
    references: value(headers, 'references'),
    date: value(headers, 'date'),
    text: guessCharset(raw.subarray(bodyStart)).text,
    attachments: [],
  };
}
