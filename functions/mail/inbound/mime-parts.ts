/**
 * A light walk over the raw MIME structure, byte offsets included, for the checks postal-mime does not
 * report (undeclared charsets, 8-bit headers, broken base64) and for lifting base64 bodies out of the
 * message. Header blocks are read as latin1, so one character is one byte and offsets index the
 * original buffer.
 */
export type RawPart = {
  headerStart: number;
  headerEnd: number;
  bodyStart: number;
  bodyEnd: number;
  /** Unfolded header lines, names lower-cased. */
  headers: { name: string; value: string; start: number; end: number }[];
  contentType: string;
  params: Record<string, string>;
  transferEncoding: string;
  isMultipart: boolean;
};

const MAX_DEPTH = 20;
const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const TAB = 0x09;
const DASH = 0x2d;

/** The bytes as a string of the same length, one character per byte, for offset-exact regex work. */
export const latin1 = (raw: Uint8Array): string => Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');

/** The length of the line break at `at` (CRLF or LF), 0 when there is none. */
const lineBreak = (raw: Buffer, at: number): number => (raw[at] === LF ? 1 : raw[at] === CR && raw[at + 1] === LF ? 2 : 0);

/** Where the part's headers end and its body starts: at the first blank line, or at `end` when there is none before it. */
function headerBlockEnd(raw: Buffer, start: number, end: number): { headerEnd: number; bodyStart: number } {
  const empty = lineBreak(raw, start);
  if (empty) return { headerEnd: start, bodyStart: start + empty };
  for (let lf = raw.indexOf(LF, start); lf !== -1 && lf <= end; lf = raw.indexOf(LF, lf + 1)) {
    const blank = lineBreak(raw, lf + 1);
    if (!blank) continue;
    const headerEnd = lf > start && raw[lf - 1] === CR ? lf - 1 : lf;
    if (headerEnd >= end) break;
    return { headerEnd, bodyStart: Math.min(lf + 1 + blank, end) };
  }
  return { headerEnd: end, bodyStart: end };
}

function readHeaders(raw: Buffer, start: number, end: number): RawPart['headers'] {
  const s = latin1(raw.subarray(start, end));
  const headers: RawPart['headers'] = [];
  const re = /[^\r\n]*(\r?\n|$)/g;
  while (re.lastIndex < s.length) {
    const lineStart = re.lastIndex;
    const m = re.exec(s);
    if (!m || m[0] === '') break;
    const line = m[0].replace(/\r?\n$/, '');
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      last.end = start + lineStart + line.length;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim(), start: start + lineStart, end: start + lineStart + line.length });
  }
  return headers;
}

/** Splits `a=b; c="d"` parameters; RFC 2231 continuations are left to postal-mime. */
function parseParams(value: string): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

type Delimiter = { index: number; end: number; closing: boolean };

/**
 * The first delimiter line `--boundary`, or `--boundary--` when closing, with trailing blanks, at
 * or after `from`: where it starts (at the line break before it, which belongs to it) and where
 * it ends (before its own line break, which may start the next delimiter). A delimiter may also
 * start right at `from`, when `from` starts a line: a body with no preamble opens with one.
 */
function nextDelimiter(raw: Buffer, dashBoundary: Buffer, from: number): Delimiter | null {
  for (let at = raw.indexOf(dashBoundary, from); at !== -1; at = raw.indexOf(dashBoundary, at + 1)) {
    const opensLine = at === 0 || (at === from && raw[at - 1] === LF);
    if (!opensLine && !(raw[at - 1] === LF && at - 1 >= from)) continue;
    let end = at + dashBoundary.length;
    const closing = raw[end] === DASH && raw[end + 1] === DASH && endsLine(raw, end + 2);
    if (closing) end += 2;
    while (raw[end] === SP || raw[end] === TAB) end++;
    if (end < raw.length && !lineBreak(raw, end)) continue;
    const index = opensLine ? at : at - 2 >= from && raw[at - 2] === CR ? at - 2 : at - 1;
    return { index, end, closing };
  }
  return null;
}

/** Whether only blanks stand between `at` and the end of its line (or of the message). */
function endsLine(raw: Buffer, at: number): boolean {
  while (raw[at] === SP || raw[at] === TAB) at++;
  return at >= raw.length || lineBreak(raw, at) > 0;
}

function walk(raw: Buffer, start: number, end: number, depth: number, out: RawPart[]): void {
  const { headerEnd, bodyStart } = headerBlockEnd(raw, start, end);
  const headers = readHeaders(raw, start, headerEnd);
  const ct = parseParams(headers.find((h) => h.name === 'content-type')?.value ?? 'text/plain');
  const transferEncoding = (headers.find((h) => h.name === 'content-transfer-encoding')?.value ?? '7bit').toLowerCase();
  const boundary = ct.params.boundary;
  const isMultipart = ct.type.startsWith('multipart/') && !!boundary && depth < MAX_DEPTH;
  out.push({ headerStart: start, headerEnd, bodyStart, bodyEnd: end, headers, contentType: ct.type, params: ct.params, transferEncoding, isMultipart });
  if (!isMultipart) return;
  const dashBoundary = Buffer.from(`--${boundary}`, 'latin1');
  let partStart: number | null = null;
  for (let d = nextDelimiter(raw, dashBoundary, bodyStart); d && d.index < end; d = nextDelimiter(raw, dashBoundary, d.end)) {
    if (partStart !== null) walk(raw, partStart, d.index, depth + 1, out);
    if (d.closing) return;
    partStart = d.end + lineBreak(raw, d.end);
  }
  if (partStart !== null && partStart < end) walk(raw, partStart, end, depth + 1, out);
}

/**
 * Every part of the message, the message itself first, in document order. It works on the bytes
 * and reads only header blocks as text: a latin1 copy of a whole 40 MB message costs 40 MB more.
 */
export function rawParts(raw: Uint8Array): RawPart[] {
  const out: RawPart[] = [];
  walk(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), 0, raw.length, 0, out);
  return out;
}

/** The transfer-decoded body of a leaf part, leniently. */
export function decodeBody(s: string, part: RawPart): Uint8Array {
  const body = s.slice(part.bodyStart, part.bodyEnd);
  if (part.transferEncoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  if (part.transferEncoding === 'quoted-printable') {
    const unfolded = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(unfolded, 'latin1');
  }
  return Buffer.from(body, 'latin1');
}
