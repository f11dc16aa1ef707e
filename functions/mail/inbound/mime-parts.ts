/**
 * A light walk over the raw MIME structure, byte offsets included, for the checks postal-mime does not
 * report (undeclared charsets, 8-bit headers, broken base64). The raw bytes are read as latin1 so one
 * character is one byte and offsets index the original buffer.
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

/** The bytes as a string of the same length, one character per byte, for offset-exact regex work. */
export const latin1 = (raw: Uint8Array): string => Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');

function headerBlockEnd(s: string, start: number, end: number): { headerEnd: number; bodyStart: number } {
  const empty = /\r?\n/y;
  empty.lastIndex = start;
  if (empty.exec(s)) return { headerEnd: start, bodyStart: empty.lastIndex };
  const re = /\r?\n\r?\n/g;
  re.lastIndex = start;
  const m = re.exec(s);
  if (!m || m.index >= end) return { headerEnd: end, bodyStart: end };
  return { headerEnd: m.index, bodyStart: Math.min(m.index + m[0].length, end) };
}

function readHeaders(s: string, start: number, end: number): RawPart['headers'] {
  const headers: RawPart['headers'] = [];
  const re = /[^\r\n]*(\r?\n|$)/g;
  re.lastIndex = start;
  while (re.lastIndex < end) {
    const lineStart = re.lastIndex;
    const m = re.exec(s);
    if (!m || m[0] === '') break;
    const line = m[0].replace(/\r?\n$/, '');
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      last.end = lineStart + line.length;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim(), start: lineStart, end: lineStart + line.length });
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

function walk(s: string, start: number, end: number, depth: number, out: RawPart[]): void {
  const { headerEnd, bodyStart } = headerBlockEnd(s, start, end);
  const headers = readHeaders(s, start, headerEnd);
  const ct = parseParams(headers.find((h) => h.name === 'content-type')?.value ?? 'text/plain');
  const transferEncoding = (headers.find((h) => h.name === 'content-transfer-encoding')?.value ?? '7bit').toLowerCase();
  const boundary = ct.params.boundary;
  const isMultipart = ct.type.startsWith('multipart/') && !!boundary && depth < MAX_DEPTH;
  out.push({ headerStart: start, headerEnd, bodyStart, bodyEnd: end, headers, contentType: ct.type, params: ct.params, transferEncoding, isMultipart });
  if (!isMultipart) return;
  const delimiter = new RegExp(`(^|\\r?\\n)--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(--)?[ \\t]*(?=\\r?\\n|$)`, 'g');
  delimiter.lastIndex = bodyStart;
  let partStart: number | null = null;
  for (let m = delimiter.exec(s); m && m.index < end; m = delimiter.exec(s)) {
    if (partStart !== null) walk(s, partStart, m.index, depth + 1, out);
    if (m[2]) return;
    const after = /\r?\n/y;
    after.lastIndex = m.index + m[0].length;
    partStart = after.exec(s) ? after.lastIndex : m.index + m[0].length;
  }
  if (partStart !== null && partStart < end) walk(s, partStart, end, depth + 1, out);
}

/** Every part of the message, the message itself first, in document order. */
export function rawParts(s: string): RawPart[] {
  const out: RawPart[] = [];
  walk(s, 0, s.length, 0, out);
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
