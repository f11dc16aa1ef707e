/**
 * The ids in a Message-ID, In-Reply-To or References value, without angle brackets, in order. A value
 * without brackets (some mailers send bare ids) is taken whole, split on whitespace.
 */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((m) => (m[1] ?? '').trim()).filter((id) => id !== '');
  if (bracketed.length > 0) return bracketed;
  return value.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/).filter((id) => id.includes('@'));
}
