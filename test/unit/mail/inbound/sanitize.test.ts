import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../../functions/mail/inbound/html-to-text.ts';
import { sanitizeMailHtml } from '../../../../functions/mail/inbound/sanitize.ts';

describe('sanitizeMailHtml', () => {
  it.each([
    ['a script', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['a style element', '<style>p{color:red}</style><p>a</p>', '<p>a</p>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe><p>a</p>', '<p>a</p>'],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf"><p>a</p>', '<p>a</p>'],
    ['a form', '<form action="https://evil.example"><input name="p"></form><p>a</p>', '<p>a</p>'],
    ['svg and math', '<svg><script>alert(1)</script></svg><math><mi>x</mi></math><p>a</p>', '<p>a</p>'],
    ['base and meta', '<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><p>a</p>', '<p>a</p>'],
    ['on* attributes', '<p onclick="x()" onmouseover="y()">a</p>', '<p>a</p>'],
    ['style attributes', '<p style="background:url(javascript:x)">a</p>', '<p>a</p>'],
    ['a javascript: link target', '<a href="javascript:alert(1)">a</a>', '<a>a</a>'],
    ['a data: link target', '<a href="data:text/html,x">a</a>', '<a>a</a>'],
    ['a remote image (tracking pixel)', '<p>a</p><img src="https://tracker.example/p.gif" width="1">', '<p>a</p>'],
    ['an image without src', '<p>a</p><img alt="x">', '<p>a</p>'],
  ])('drops %s', (_, html, expected) => {
    expect(sanitizeMailHtml(html)).toBe(expected);
  });

  it.each([
    ['basic formatting', '<p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u><br /><span>x</span></p>'],
    ['lists', '<ul><li>a</li></ul><ol><li>b</li></ol>'],
    ['quotes and code', '<blockquote>q</blockquote><pre><code>c</code></pre>'],
    ['tables with spans', '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">d</td></tr></tbody></table>'],
    ['http, https and mailto links', '<a href="http://a.example">1</a><a href="https://a.example">2</a><a href="mailto:a@a.example">3</a>'],
    ['an inline cid: image', '<img src="cid:logo@x" alt="logo" />'],
  ])('keeps %s', (_, html) => {
    expect(sanitizeMailHtml(html)).toBe(html);
  });
});

describe('htmlToText', () => {
  it('turns block ends into line breaks and decodes entities', () => {
    const html = '<p>Tom &amp; Jerry &lt;tj@example&gt;</p><div>line&nbsp;2<br>line 3</div>';

    expect(htmlToText(html)).toBe('Tom & Jerry <tj@example>\nline 2\nline 3');
  });

  it('leaves out script and style text', () => {
    const html = '<style>p{}</style><script>x()</script><p>only this</p>';

    expect(htmlToText(html)).toBe('only this');
  });
});
