import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col', 'a', 'img',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Only inline images from the message itself: a remote image is a read receipt (tracking pixel).
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  // Style attributes are dropped, never parsed: the bundles carry no CSS parser (no-postcss.ts).
  parseStyleAttributes: false,
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^cid:/i.test(frame.attribs.src ?? ''),
  // Text inside these is code or chrome, never message text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'embed', 'svg', 'math'],
};

/** Allowlist sanitising of an e-mail's HTML for display to agents. */
export const sanitizeMailHtml = (html: string): string => sanitizeHtml(html, OPTIONS);
