/**
 * Where the quoted history starts in a reply's HTML: Gmail's `gmail_quote`, Outlook's `appendonsend` /
 * `divRplyFwdMsg`, Apple Mail's and Thunderbird's `<blockquote type="cite">`, Thunderbird's `moz-cite-prefix`.
 */
const QUOTE_START = [
  /<div[^>]*\bclass\s*=\s*["']?[^"'>]*\bgmail_quote\b/i,
  /<div[^>]*\bid\s*=\s*["']?(appendonsend|divRplyFwdMsg)\b/i,
  /<blockquote[^>]*\btype\s*=\s*["']?cite\b/i,
  /<div[^>]*\bclass\s*=\s*["']?moz-cite-prefix\b/i,
];

/** The HTML before the quoted history; unclosed tags are left for the sanitiser to close. */
export function stripQuotedHtml(html: string): string {
  const starts = QUOTE_START.map((re) => re.exec(html)?.index).filter((i): i is number => i !== undefined);
  return starts.length === 0 ? html : html.slice(0, Math.min(...starts));
}
