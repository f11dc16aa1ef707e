import { ATTACHMENT_LIMITS } from './attachment-limits.ts';

/** What the widget reads of a chosen file (a `File` in the browser). */
export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

/** Why a chosen file was left out: the intake would refuse it, so it is never uploaded. */
export type Refusal = { reason: 'type' | 'size' | 'empty'; name: string } | { reason: 'count' };

/**
 * Which newly chosen files may join the `already` chosen ones, by the intake's own limits, and why
 * the others may not. Past the count, the first ones chosen are kept and the rest said once.
 */
export function admitFiles<F extends FileFacts>(already: number, chosen: readonly F[]): { admitted: F[]; refused: Refusal[] } {
  const admitted: F[] = [];
  const refused: Refusal[] = [];
  for (const file of chosen) {
    const reason = !(ATTACHMENT_LIMITS.types as readonly string[]).includes(file.type)
      ? 'type'
      : file.size > ATTACHMENT_LIMITS.maxBytes
        ? 'size'
        : file.size === 0
          ? 'empty'
          : null;
    if (reason) refused.push({ reason, name: file.name });
    else if (already + admitted.length < ATTACHMENT_LIMITS.maxFiles) admitted.push(file);
    else if (!refused.some((refusal) => refusal.reason === 'count')) refused.push({ reason: 'count' });
  }
  return { admitted, refused };
}

/** A file's size as people read it, in the widget's language: "12 kB", "2.5 MB". */
export function fileSize(bytes: number, language: string): string {
  const mega = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(language, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    mega ? bytes / (1024 * 1024) : Math.ceil(bytes / 1024),
  );
}
