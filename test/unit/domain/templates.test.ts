import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  defaultTemplate,
  type DefaultTemplatePurpose,
  type Language,
  renderTemplate,
  renderTemplateHtml,
  TemplateInputSchema,
  TemplateSchema,
} from '../../../functions/domain/templates.ts';

const values = {
  ticket_url: 'https://help.acme.example/cases/1042',
  case_number: '1042',
  case_title: 'Invoice question',
  customer_name: 'Jan Kowalski',
  agent_name: 'Ala Nowak',
  reply_text: 'Refund issued.',
  tenant_name: 'Acme',
};

const aTemplate = (overrides: Record<string, unknown> = {}) => ({
  id: 'refund', kind: 'reply', language: 'en', name: 'Refund', body: 'Dear {{customer_name}}, case {{case_number}}.', ...overrides,
});

describe('renderTemplate', () => {
  it('replaces every placeholder, with or without spaces inside the braces', () => {
    const template = '{{customer_name}}: [#{{ case_number }}] {{case_title}} {{ticket_url}} {{agent_name}} {{reply_text}} {{tenant_name}} {{case_number}}';

    const out = renderTemplate(template, values);

    expect(out).toBe('Jan Kowalski: [#1042] Invoice question https://help.acme.example/cases/1042 Ala Nowak Refund issued. Acme 1042');
  });

  it('inserts values literally: a placeholder typed into a value stays as typed', () => {
    const out = renderTemplate('{{case_title}} / {{customer_name}}', { ...values, case_title: 'Why is {{case_number}} $1 $& wrong?', customer_name: '{{case_title}}' });

    expect(out).toBe('Why is {{case_number}} $1 $& wrong? / {{case_title}}');
  });

  it('leaves a placeholder without a value as typed', () => {
    expect(renderTemplate('Hi {{customer_name}} {{nope}}', { case_number: '1' })).toBe('Hi {{customer_name}} {{nope}}');
  });

  it('does not look up inherited names', () => {
    expect(renderTemplate('{{constructor}} {{toString}}', {})).toBe('{{constructor}} {{toString}}');
  });
});

describe('renderTemplateHtml', () => {
  it('escapes the template text and the values and keeps line breaks', () => {
    const out = renderTemplateHtml('<b>Hi</b> {{customer_name}},\n{{reply_text}}', {
      customer_name: '<img src=x onerror=alert(1)>',
      reply_text: 'Tom & Jerry\'s "plan"\r\nline 2',
    });

    expect(out).toBe('&lt;b&gt;Hi&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;,<br>\nTom &amp; Jerry&#39;s &quot;plan&quot;<br>\nline 2');
  });
});

describe('TemplateSchema', () => {
  it('accepts a template that uses only known placeholders', () => {
    expect(TemplateSchema.safeParse(aTemplate()).error).toBeUndefined();
  });

  it('lists the unknown placeholders of each field under its path', () => {
    const result = TemplateSchema.safeParse(
      aTemplate({ kind: 'notification', subject: '[#{{case_no}}] {{case_title}}', body: '{{Customer_Name}} {{ reply_text }} {{ case number }} {{Customer_Name}}' }),
    );

    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ['subject'], message: expect.stringMatching(/^unknown placeholders \{\{case_no\}\}; a notification template may use /) },
      { path: ['body'], message: expect.stringMatching(/^unknown placeholders \{\{Customer_Name\}\}, \{\{case number\}\}; /) },
    ]);
  });

  it.each(['reply', 'note'])('refuses {{reply_text}} in a %s template, which is where the reply is written', (kind) => {
    const result = TemplateSchema.safeParse(aTemplate({ kind, body: 'As said: {{reply_text}}' }));

    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['body'], message: expect.stringContaining('{{reply_text}}') })]);
  });

  it.each<[string, Record<string, unknown>, (string | number)[]]>([
    ['a note with a subject', { kind: 'note', subject: 'x' }, ['subject']],
    ['a notification without a subject', { kind: 'notification' }, ['subject']],
    ['a subject of two lines', { subject: 'a\nb' }, ['subject']],
    ['an empty body', { body: '  ' }, ['body']],
    ['an unknown language', { language: 'de' }, ['language']],
    ['an unknown kind', { kind: 'sms' }, ['kind']],
    ['an id with spaces', { id: 'my template' }, ['id']],
    ['an extra field', { html: '<p>' }, []],
  ])('refuses %s', (_name, overrides, path) => {
    const result = TemplateSchema.safeParse(aTemplate(overrides));

    expect(result.error?.issues.map((i) => i.path)).toEqual([path]);
  });
});

describe('defaultTemplate', () => {
  const all = (['reply_notification', 'acknowledgement'] as DefaultTemplatePurpose[]).flatMap((purpose) =>
    (['pl', 'en'] as Language[]).map((language) => ({ purpose, language, template: defaultTemplate(purpose, language) })),
  );

  it.each(all)('gives a valid $language $purpose template in its language', ({ language, template }) => {
    expect(TemplateSchema.parse(template)).toEqual(template);
    expect(template.language).toBe(language);
  });

  it.each(all)('leaves no placeholder in the rendered $language $purpose', ({ template }) => {
    const rendered = `${renderTemplate(template.subject ?? '', values)}\n${renderTemplate(template.body, values)}`;

    expect(rendered).not.toMatch(/\{\{|\}\}/);
  });

  it.each(['pl', 'en'] as Language[])('wraps the reply in the %s notification with the case number in the subject', (language) => {
    const template = defaultTemplate('reply_notification', language);

    expect(renderTemplate(template.subject!, values)).toBe('[#1042] Invoice question');
    expect(renderTemplate(template.body, values)).toMatch(/^Refund issued\.\n/);
  });

  it.each<[Language, RegExp]>([
    ['pl', /zgłoszenie nr 1042/],
    ['en', /case #1042/],
  ])('tells the customer the case number in the %s acknowledgement', (language, sentence) => {
    const template = defaultTemplate('acknowledgement', language);

    expect(renderTemplate(template.subject!, values)).toMatch(/^\[#1042\] /);
    expect(renderTemplate(template.body, values)).toMatch(sentence);
  });

});

describe('chooseLanguage', () => {
  it.each<[string | null | undefined, Language, Language]>([
    ['pl', 'en', 'pl'],
    ['pl-PL', 'en', 'pl'],
    ['PL_pl', 'en', 'pl'],
    [' en-GB ', 'pl', 'en'],
    ['EN', 'pl', 'en'],
    ['en-US,en;q=0.9,pl;q=0.8', 'pl', 'en'],
    ['de-DE', 'pl', 'pl'],
    ['de', 'en', 'en'],
    ['', 'pl', 'pl'],
    [null, 'en', 'en'],
    [undefined, 'pl', 'pl'],
  ])('picks for %j with fallback %s: %s', (customerLanguage, fallback, chosen) => {
    expect(chooseLanguage(customerLanguage, fallback)).toBe(chosen);
  });
});

describe('a template purpose', () => {
  const ack = { kind: 'notification', language: 'en', name: 'Ack', subject: '[#{{case_number}}]', body: 'Thanks.', purpose: 'acknowledgement' };

  it('is accepted on a notification, with or without the id', () => {
    expect(TemplateSchema.safeParse({ id: 'ack', ...ack }).error).toBeUndefined();
    expect(TemplateInputSchema.safeParse(ack).error).toBeUndefined();
  });

  it.each(['reply', 'note'])('is refused on a %s template, which is never mailed on its own', (kind) => {
    const result = TemplateInputSchema.safeParse({ ...ack, kind, subject: undefined });

    expect(result.error?.issues.map((i) => i.path)).toEqual([['purpose']]);
  });

  it('must be one the built-in templates have', () => {
    expect(TemplateInputSchema.safeParse({ ...ack, purpose: 'welcome' }).error?.issues.map((i) => i.path)).toEqual([['purpose']]);
  });
});

describe('TemplateInputSchema', () => {
  it('refuses an id, which belongs in the path, and checks placeholders as TemplateSchema does', () => {
    const result = TemplateInputSchema.safeParse({ id: 'x', kind: 'reply', language: 'pl', name: 'n', body: '{{reply_text}}' });

    expect(result.error?.issues.map((i) => i.path)).toEqual([[], ['body']]);
  });
});
