/** Candidates for 8-bit text that declares no charset, most likely first for a Polish helpdesk. */
const CANDIDATES = ['windows-1250', 'iso-8859-2', 'windows-1252'] as const;

export type DecodedText = { text: string; charset: string };

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const score = (text: string): number =>
  (text.match(/\p{L}/gu)?.length ?? 0) - 4 * (text.match(/[\u0080-\u009f\ufffd]/gu)?.length ?? 0);

/**
 * Decodes bytes whose charset nobody declared: UTF-8 when they are valid UTF-8, otherwise the
 * single-byte charset that yields the most letters and the fewest control characters (ties go to
 * the earlier candidate, so Polish text wins over Western European).
 */
export function guessCharset(bytes: Uint8Array): DecodedText {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
  let best: DecodedText = { text: '', charset: CANDIDATES[0] };
  let bestScore = -Infinity;
  for (const charset of CANDIDATES) {
    const text = new TextDecoder(charset).decode(bytes);
    const s = score(text);
    if (s > bestScore) {
      best = { text, charset };
      bestScore = s;
    }
  }
  return best;
}
