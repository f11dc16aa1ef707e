import { createHash } from 'node:crypto';

/**
 * A strong ETag of a JSON body: it changes whenever a byte of the body would. A resource with a
 * version puts it first, so the same ETag also works in If-Match, which reads only the version.
 */
export function bodyEtag(body: unknown, version?: number): string {
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  return version === undefined ? `"${hash}"` : `"${version}.${hash}"`;
}

/** Whether If-None-Match names `etag`: a weak comparison (RFC 9110 §13.1.2), and `*` names any. */
export function noneMatchNames(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
