/** Lines that open a quoted earlier message, as Gmail, Outlook, Thunderbird and Apple Mail write them. */
const SEPARATORS = [
  /^-{2,}\s*(Original Message|Wiadomość oryginalna|Oryginalna wiadomość|Forwarded message|Wiadomość przekazana dalej)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];
const ATTRIBUTION_START = /^(On|W dniu|Dnia|Am|Le)\s/;
const ATTRIBUTION_END = /(wrote|pisze|napisał(\(a\))?|napisała|schrieb|a écrit)\s*:\s*$/i;
const OUTLOOK_FROM = /^\*?(From|Od|Von|De)\s*:\*?\s/i;
const OUTLOOK_FIELD = /^\*?(Sent|Wysłano|Date|Data|Gesendet|To|Do|Subject|Temat)\s*:\*?\s/i;

const isQuote = (line: string): boolean => /^\s*>/.test(line);
const isBlank = (line: string): boolean => line.trim() === '';

const nextNonBlank = (lines: string[], from: number): string | undefined => lines.slice(from).find((line) => !isBlank(line));

/**
 * Whether an attribution line ("On … wrote:") starts at i; Gmail wraps it over up to three lines. It must
 * carry a date (a digit) and be followed by quoted lines or nothing, so prose such as "On Monday it broke.
 * My colleague wrote:" is not mistaken for one.
 */
function attributionAt(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (!ATTRIBUTION_START.test(line.trim())) return false;
  for (const span of [1, 2, 3]) {
    const joined = lines.slice(i, i + span).join(' ');
    if (!ATTRIBUTION_END.test(joined)) continue;
    const next = nextNonBlank(lines, i + span);
    return /\d/.test(joined) && (next === undefined || isQuote(next));
  }
  return false;
}

/** Outlook's header block: From/Od followed by at least two of Sent/Wysłano/Date, To/Do, Subject/Temat. */
function outlookBlockAt(lines: string[], i: number): boolean {
  if (!OUTLOOK_FROM.test(lines[i]?.trim() ?? '')) return false;
  return lines.slice(i + 1, i + 5).filter((line) => OUTLOOK_FIELD.test(line.trim())).length >= 2;
}

/** The first line of the quoted tail: from there on, every non-blank line is quoted with `>`. */
function trailingQuoteStart(lines: string[]): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (isQuote(line)) start = i;
    else if (!isBlank(line)) break;
  }
  if (start === lines.length) return start;
  let above = start - 1;
  while (above >= 0 && isBlank(lines[above] ?? '')) above--;
  // The attribution sits just above the quote, possibly wrapped over two lines.
  for (const from of [above, above - 1, above - 2]) if (from >= 0 && attributionAt(lines, from)) return from;
  return start;
}

/**
 * The new text of a reply: everything above the first marker of a quoted earlier message (an Outlook
 * separator or header block, or a trailing `>` block with the attribution line above it). Answers
 * written between `>` lines are kept; only the quoted tail after the last answer goes. Never empty for a message that had text: if stripping would leave
 * nothing, the whole text is kept.
 */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = trailingQuoteStart(lines);
  for (let i = 0; i < cut; i++) {
    const line = lines[i] ?? '';
    if (SEPARATORS.some((re) => re.test(line.trim())) || outlookBlockAt(lines, i)) {
      cut = i;
      break;
    }
  }
  const kept = lines.slice(0, cut).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
