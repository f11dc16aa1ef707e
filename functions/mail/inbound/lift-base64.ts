import { randomBytes } from 'node:crypto';
import type { Attachment } from 'postal-mime';
import { type RawPart, rawParts } from './mime-parts.ts';

/** A base64 body decoded here; postal-mime was given `marker`, base64-encoded, in its place. */
export type LiftedPart = { marker: Buffer; content: Uint8Array };

export type LiftedMessage = { bytes: Uint8Array; parts: LiftedPart[] };

/** Types postal-mime reads as text or as a message of its own rather than keeping the decoded bytes. */
const READ_BY_POSTAL_MIME = /^(text|message|multipart)\/|^application\/ics$/;

const PAD = 64;
const SPACE = 65;
const OTHER = 66;
/** What each byte is to a base64 body: a digit's value (0–63), padding, white space or anything else. */
const CLASSES = new Uint8Array(256).fill(OTHER);
for (const [value, char] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) CLASSES[char.charCodeAt(0)] = value;
CLASSES[0x3d] = PAD;
// What JavaScript's `\s` matches in one byte, as the broken-base64 check strips it.
for (const byte of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]) CLASSES[byte] = SPACE;

/**
 * The bytes of a base64 body that is clean (the alphabet and white space, at most two `=` at the
 * end, whole groups of four), decoded in one pass; null for any other body. Clean bodies decode
 * the same in every decoder, so postal-mime would have given these bytes too.
 */
export function decodeCleanBase64(body: Uint8Array): Uint8Array | null {
  // White space makes the decoded bytes a little fewer than this; the view below ends where they do.
  const out = Buffer.allocUnsafe(Math.floor((body.length * 3) / 4));
  let filled = 0;
  let group = 0;
  let inGroup = 0;
  let pads = 0;
  for (let i = 0; i < body.length; i++) {
    const value = CLASSES[body[i]!]!;
    if (value < PAD) {
      if (pads > 0) return null;
      group = (group << 6) | value;
      if (++inGroup === 4) {
        out[filled] = group >> 16;
        out[filled + 1] = group >> 8;
        out[filled + 2] = group;
        filled += 3;
        group = 0;
        inGroup = 0;
      }
    } else if (value === PAD) {
      if (++pads > 2) return null;
    } else if (value !== SPACE) return null;
  }
  if ((inGroup + pads) % 4 !== 0) return null;
  if (inGroup === 2) out[filled++] = group >> 4;
  if (inGroup === 3) {
    out[filled++] = group >> 10;
    out[filled++] = group >> 2;
  }
  return out.subarray(0, filled);
}

const liftable = (part: RawPart): boolean => !part.isMultipart && part.transferEncoding === 'base64' && !READ_BY_POSTAL_MIME.test(part.contentType);

/**
 * The message with every clean base64 attachment body replaced by a short marker, and those bodies
 * decoded. postal-mime (4.0.0) keeps a string for each line of a base64 body, then the decoded
 * chunks, then copies them into a Blob and the Blob into the content: for the 29 MB attachment of a
 * 40 MB message, 90 to 130 MB on top of the raw bytes at its peak. Decoded here, it takes its own
 * 29 MB once, and postal-mime parses a message of a few hundred bytes. A structure the walk cannot
 * read is left whole to postal-mime.
 */
export function liftBase64Bodies(raw: Uint8Array): LiftedMessage {
  let parts: RawPart[];
  try {
    parts = rawParts(raw).filter(liftable);
  } catch {
    return { bytes: raw, parts: [] };
  }
  const nonce = randomBytes(16).toString('hex');
  const chunks: Uint8Array[] = [];
  const lifted: LiftedPart[] = [];
  let copied = 0;
  for (const part of parts) {
    const content = decodeCleanBase64(raw.subarray(part.bodyStart, part.bodyEnd));
    if (!content) continue;
    const marker = Buffer.from(`lifted part ${lifted.length} ${nonce}`);
    chunks.push(raw.subarray(copied, part.bodyStart), Buffer.from(marker.toString('base64')));
    copied = part.bodyEnd;
    lifted.push({ marker, content });
  }
  if (lifted.length === 0) return { bytes: raw, parts: [] };
  chunks.push(raw.subarray(copied));
  return { bytes: Buffer.concat(chunks), parts: lifted };
}

const isMarker = (content: Attachment['content'], marker: Buffer): boolean =>
  typeof content !== 'string' && content.byteLength === marker.byteLength && marker.equals(ArrayBuffer.isView(content) ? content : new Uint8Array(content));

/**
 * Puts the decoded bodies back in place of their markers; false when postal-mime did not read
 * each marker as exactly one attachment (its view of the structure differs from ours), so the
 * message must be parsed as it is.
 */
export function restoreLiftedParts(attachments: Attachment[], parts: LiftedPart[]): boolean {
  const found = parts.map((part) => attachments.filter((a) => isMarker(a.content, part.marker)));
  if (found.some((matches) => matches.length !== 1)) return false;
  found.forEach(([attachment], index) => {
    attachment!.content = parts[index]!.content;
  });
  return true;
}
