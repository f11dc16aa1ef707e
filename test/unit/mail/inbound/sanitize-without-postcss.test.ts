import { describe, expect, it, vi } from 'vitest';

// What the Lambda bundles have in postcss's place (lib/handler-function.ts): any parse fails.
vi.mock('postcss', async () => await import('../../../../functions/mail/inbound/no-postcss.ts'));

const { sanitizeMailHtml } = await import('../../../../functions/mail/inbound/sanitize.ts');
const { htmlToText } = await import('../../../../functions/mail/inbound/html-to-text.ts');

describe('the mail sanitiser without a CSS parser, as bundled', () => {
  const html = '<p style="color: red; background: url(https://tracker.example/p.gif)">Hello <b style="font-weight: 900">there</b></p>' +
    '<table style="width: 100%"><tr><td style="padding: 4px" colspan="2">cell</td></tr></table>';

  it('runs with the stand-in in postcss’s place', async () => {
    const postcss = await import('postcss');
    expect(() => postcss.parse('p { color: red }')).toThrow(/not bundled/);
  });

  it('drops style attributes without parsing them', () => {
    expect(sanitizeMailHtml(html)).toBe('<p>Hello <b>there</b></p><table><tr><td colspan="2">cell</td></tr></table>');
  });

  it('reads the text of styled HTML', () => {
    expect(htmlToText(html)).toBe('Hello there\ncell');
  });
});
