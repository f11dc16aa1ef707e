import { decodeWords } from 'postal-mime';
import type { RawPart } from './mime-parts.ts';

const describe = (part: RawPart): string => {
  const disposition = part.headers.find((h) => h.name === 'content-disposition')?.value ?? '';
  const name = /filename="?([^";]+)/i.exec(disposition)?.[1] ?? part.params.name;
  return name ? `attachment ${decodeWords(name)}` : `${part.contentType} part`;
};

/** postal-mime skips characters outside the base64 alphabet without a word, so the damage is reported here. */
export function brokenBase64Problems(s: string, parts: RawPart[]): string[] {
  return parts
    .filter((part) => !part.isMultipart && part.transferEncoding === 'base64')
    .filter((part) => {
      const body = s.slice(part.bodyStart, part.bodyEnd).replace(/\s/g, '');
      return !/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0;
    })
    .map((part) => `could not decode base64 ${describe(part)}: invalid data skipped, the content is likely damaged`);
}
