export type Verdict = 'PASS' | 'FAIL';

/** The industry test strings: any spam or virus scanner flags them, so a developer can exercise the FAIL paths locally. */
const GTUBE = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X';
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * A part declared base64, its remaining header lines, the blank line, then its body up to the first
 * character outside the base64 alphabet (the `-` of the next boundary). At most 50 header lines are
 * skipped, so a message stuffed with such headers cannot make each match scan far.
 */
const BASE64_BODY = /content-transfer-encoding:[ \t]*base64[^\n]*\n(?:[^\r\n]+\r?\n){0,50}?\r?\n([A-Za-z0-9+/=\r\n]+)/gi;

/** An attachment can carry an encoded message with encoded attachments of its own; three levels is ample locally. */
const MAX_DEPTH = 3;

/**
 * The spam and virus verdicts SES would write, decided locally by the GTUBE and EICAR test strings
 * anywhere in the raw bytes or inside a base64-encoded part (where an attached test file sits).
 * The message is already capped by the SMTP size limit, so decoding stays bounded.
 */
export function sesVerdicts(raw: Buffer): { spam: Verdict; virus: Verdict } {
  const texts = decodedTexts(raw.toString('latin1'), MAX_DEPTH);
  return {
    spam: texts.some((text) => text.includes(GTUBE)) ? 'FAIL' : 'PASS',
    virus: texts.some((text) => text.includes(EICAR)) ? 'FAIL' : 'PASS',
  };
}

function decodedTexts(text: string, depth: number): string[] {
  if (depth === 0) return [text];
  const decoded = [...text.matchAll(BASE64_BODY)].map((match) => Buffer.from(match[1]!, 'base64').toString('latin1'));
  return [text, ...decoded.flatMap((part) => decodedTexts(part, depth - 1))];
}
