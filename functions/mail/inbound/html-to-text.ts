import sanitizeHtml from 'sanitize-html';

const BLOCK_END = /<\/(p|div|li|tr|h[1-6]|blockquote|pre|table)\s*>|<(br|hr)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** Plain text of an HTML body: tags dropped, block ends as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  const marked = html.replace(/\s+/g, ' ').replace(BLOCK_END, (tag) => `${tag}\n`);
  const text = sanitizeHtml(marked, {
    allowedTags: [],
    allowedAttributes: {},
    parseStyleAttributes: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'svg', 'math'],
  });
  return text
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
