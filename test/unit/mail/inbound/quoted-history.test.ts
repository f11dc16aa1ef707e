import { describe, expect, it } from 'vitest';
import { stripQuotedHistory } from '../../../../functions/mail/inbound/quoted-history.ts';
import { stripQuotedHtml } from '../../../../functions/mail/inbound/quoted-html.ts';

describe('stripQuotedHistory', () => {
  it.each([
    ['a Gmail attribution', 'Thanks!\n\nOn Tue, 4 Nov 2025 at 16:02, Helpdesk <s@h.example> wrote:\n> Restart it.', 'Thanks!'],
    ['a Gmail attribution wrapped over two lines', 'Thanks!\n\nOn Tue, 4 Nov 2025 at 16:02, Helpdesk <s@h.example>\nwrote:\n\n> Restart it.', 'Thanks!'],
    ['a Polish Gmail attribution', 'Dzięki.\n\nW dniu wt., 4 lis 2025 o 16:02 Helpdesk <s@h.example> napisał(a):\n> Proszę.', 'Dzięki.'],
    ['a Polish Thunderbird attribution', 'Dzięki.\n\nW dniu 4.11.2025 o 16:02, Helpdesk pisze:\n> Proszę.', 'Dzięki.'],
    ['an Apple Mail attribution', 'Got it.\n\n> On 4 Nov 2025, at 16:02, Helpdesk <s@h.example> wrote:\n>\n> Invoice.', 'Got it.'],
    ['an Outlook separator', 'Done.\n\n-----Original Message-----\nFrom: Helpdesk\nSent: Tuesday\n\nOld.', 'Done.'],
    ['a Polish Outlook separator', 'Gotowe.\n\n-----Wiadomość oryginalna-----\nOd: Helpdesk\nWysłano: wtorek\n\nStare.', 'Gotowe.'],
    ['an Outlook underscore line and header block', 'Done.\n\n________________________________\nFrom: Helpdesk <s@h.example>\nSent: Tuesday\n\nOld.', 'Done.'],
    ['a Polish Outlook header block', 'Gotowe.\n\nOd: Helpdesk <s@h.example>\nWysłano: wtorek\nDo: Piotr\n\nStare.', 'Gotowe.'],
    ['a trailing > block without attribution', 'New text.\n\n> old\n> older', 'New text.'],
  ])('cuts the history after %s', (_, text, expected) => {
    expect(stripQuotedHistory(text)).toBe(expected);
  });

  it.each([
    ['text without history', 'Just a question.\nSecond line.'],
    ['a line mentioning "From:" in prose', 'From: the start, the printer failed.\nIt still does.'],
    ['prose that looks like an attribution', 'On Monday the printer broke.\nMy colleague wrote:\nit is the toner.'],
    ['prose that opens with "From:" and "To:"', 'From: Monday on it fails.\nTo: be exact, at 9.\nThanks'],
  ])('keeps %s whole', (_, text) => {
    expect(stripQuotedHistory(text)).toBe(text);
  });

  it('keeps answers written between quotes and drops only the quoted tail', () => {
    const text = 'On 6/11/2025 15:00, Helpdesk wrote:\n> Browser?\n\nFirefox.\n\n> System?\n\nDebian.\n\n> Anything else?';

    expect(stripQuotedHistory(text)).toBe('On 6/11/2025 15:00, Helpdesk wrote:\n> Browser?\n\nFirefox.\n\n> System?\n\nDebian.');
  });

  it('keeps the whole text when the message is nothing but quoted history', () => {
    const text = '> only a quote\n> nothing new';

    expect(stripQuotedHistory(text)).toBe(text);
  });
});

describe('stripQuotedHtml', () => {
  it.each([
    ['Gmail', '<div>New</div><div class="gmail_quote"><blockquote>Old</blockquote></div>'],
    ['Outlook (appendonsend)', '<div>New</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From: x</div><div>Old</div>'],
    ['Outlook (divRplyFwdMsg)', '<div>New</div><hr><div id="divRplyFwdMsg" dir="ltr">From: x</div><div>Old</div>'],
    ['Apple Mail', '<div>New</div><blockquote type="cite">Old</blockquote>'],
    ['Thunderbird', '<p>New</p><div class="moz-cite-prefix">On x wrote:</div><blockquote type="cite">Old</blockquote>'],
  ])('drops the quoted history %s marks', (_, html) => {
    expect(stripQuotedHtml(html)).toMatch(/^<(div|p)>New<\/(div|p)>(<hr>)?$/);
  });

  it('leaves HTML without a quote marker alone', () => {
    const html = '<p>Hello</p><blockquote>a quotation the sender wrote</blockquote>';

    expect(stripQuotedHtml(html)).toBe(html);
  });
});
