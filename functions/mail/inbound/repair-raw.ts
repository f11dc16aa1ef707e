import { guessCharset } from './guess-charset.ts';
import { decodeBody, type RawPart } from './mime-parts.ts';

/** `addedTopHeader`: a Content-Type line was put before the message's own headers, to be dropped after parsing. */
export type RepairedRaw = { bytes: Uint8Array; problems: string[]; addedTopHeader: boolean };

const has8bit = (s: string): boolean => /[\x80-\xff]/.test(s);

/** The charset an undeclared 8-bit text part is in, or null when postal-mime's UTF-8 default is right. */
function undeclaredCharset(s: string, part: RawPart): string | null {
  if (part.isMultipart || !part.contentType.startsWith('text/') || part.params.charset) return null;
  const body = decodeBody(s, part);
  if (!body.some((b) => b >= 0x80)) return null;
  const { charset } = guessCharset(body);
  return charset === 'utf-8' ? null : charset;
}

/**
 * Rewrites the header blocks postal-mime would decode wrongly, leaving every body byte untouched:
 * raw 8-bit headers that are not UTF-8 are transcoded to UTF-8 (postal-mime reads raw headers as
 * UTF-8), and 8-bit text parts without a charset get the guessed one declared (postal-mime assumes
 * UTF-8 and would turn every Polish letter into U+FFFD). `s` is `raw` as latin1, `parts` its parts.
 */
export function repairRaw(raw: Uint8Array, s: string, parts: RawPart[]): RepairedRaw {
  const problems: string[] = [];
  const chunks: Uint8Array[] = [];
  let copied = 0;
  let addedTopHeader = false;
  for (const [index, part] of parts.entries()) {
    const where = index === 0 ? 'the message' : `a ${part.contentType} part`;
    let header = s.slice(part.headerStart, part.headerEnd);
    let headerCharset: string | null = null;
    if (has8bit(header)) {
      const decoded = guessCharset(Buffer.from(header, 'latin1'));
      if (decoded.charset !== 'utf-8') {
        header = decoded.text;
        headerCharset = decoded.charset;
        problems.push(`raw 8-bit bytes in the headers of ${where}, charset undeclared: decoded as ${decoded.charset}`);
      }
    }
    const bodyCharset = undeclaredCharset(s, part);
    if (bodyCharset) {
      problems.push(`charset of ${where} (${part.contentType}) undeclared: decoded as ${bodyCharset}`);
      const contentType = part.headers.find((h) => h.name === 'content-type');
      addedTopHeader ||= index === 0 && !contentType;
      header = contentType
        ? `${header.slice(0, contentType.end - part.headerStart)}; charset=${bodyCharset}${header.slice(contentType.end - part.headerStart)}`
        : `Content-Type: text/plain; charset=${bodyCharset}\r\n${header}`;
    }
    if (!headerCharset && !bodyCharset) continue;
    chunks.push(raw.subarray(copied, part.headerStart), Buffer.from(header, headerCharset ? 'utf8' : 'latin1'));
    copied = part.headerEnd;
  }
  if (chunks.length === 0) return { bytes: raw, problems, addedTopHeader };
  chunks.push(raw.subarray(copied));
  return { bytes: Buffer.concat(chunks), problems, addedTopHeader };
}
