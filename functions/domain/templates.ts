import * as z from 'zod';

export const LanguageSchema = z.enum(['pl', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const PLACEHOLDERS = [
  'ticket_url', 'case_number', 'case_title', 'customer_name', 'agent_name', 'reply_text', 'tenant_name', 'activation_url', 'confirmation_url',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const TemplateKindSchema = z.enum(['reply', 'note', 'notification']);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

// The agent's reply is what a reply or note template helps to write, so only the notification
// that wraps a sent reply can quote it; an activation or confirmation link exists only in its own mail.
const ONLY_IN_NOTIFICATIONS: readonly Placeholder[] = ['reply_text', 'activation_url', 'confirmation_url'];
const ALLOWED: Record<TemplateKind, readonly Placeholder[]> = {
  reply: PLACEHOLDERS.filter((p) => !ONLY_IN_NOTIFICATIONS.includes(p)),
  note: PLACEHOLDERS.filter((p) => !ONLY_IN_NOTIFICATIONS.includes(p)),
  notification: PLACEHOLDERS,
};

// Anything between double braces counts, so a typo such as `{{Case_Number}}` is caught at save
// time instead of reaching a customer as typed. Spaces inside the braces are allowed.
const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

const placeholderNames = (template: string): string[] => [...template.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? '');

/** What a tenant's own notification template can stand in for; {@link defaultTemplate} has a built-in one for each. */
export const TemplatePurposeSchema = z.enum(['reply_notification', 'acknowledgement', 'activation', 'email_change', 'email_changed']);
export type DefaultTemplatePurpose = z.infer<typeof TemplatePurposeSchema>;

const TemplateFieldsSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'lower-case letters, digits, _ or -'),
  kind: TemplateKindSchema,
  language: LanguageSchema,
  name: z.string().trim().min(1).max(200),
  subject: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/, 'one line').optional(),
  body: z.string().trim().min(1).max(20_000),
  purpose: TemplatePurposeSchema.optional().describe('the mail this template is sent as, instead of the built-in one; notifications only'),
});

function checkTemplate(template: Omit<z.infer<typeof TemplateFieldsSchema>, 'id'>, ctx: z.RefinementCtx): void {
  if (template.kind === 'note' && template.subject !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['subject'], message: 'a note is never mailed, so its template has no subject' });
  }
  if (template.kind === 'notification' && template.subject === undefined) {
    ctx.addIssue({ code: 'custom', path: ['subject'], message: 'a notification is mailed and needs a subject' });
  }
  if (template.kind !== 'notification' && template.purpose !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['purpose'], message: 'only a notification template is mailed on its own, so only it has a purpose' });
  }
  const allowed: readonly string[] = ALLOWED[template.kind];
  for (const field of ['subject', 'body'] as const) {
    const unknown = [...new Set(placeholderNames(template[field] ?? ''))].filter((name) => !allowed.includes(name));
    if (unknown.length === 0) continue;
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: `unknown placeholders ${unknown.map((name) => `{{${name}}}`).join(', ')}; a ${template.kind} template may use ${allowed.map((name) => `{{${name}}}`).join(', ')}`,
    });
  }
}

/**
 * A reply, note or notification template as an admin saves it. Bodies are plain text; the HTML
 * part of a mail is rendered from them with {@link renderTemplateHtml}. A placeholder the kind
 * does not know is refused with the field it is in as the issue's path.
 */
export const TemplateSchema = TemplateFieldsSchema.superRefine(checkTemplate);
export type Template = z.infer<typeof TemplateSchema>;

/** A template as `PUT /templates/{templateId}` takes it: the id is in the path. */
export const TemplateInputSchema = TemplateFieldsSchema.omit({ id: true }).superRefine(checkTemplate);

/** A saved template; its version is the ETag to send back in If-Match. */
export const StoredTemplateSchema = TemplateFieldsSchema.extend({ version: z.number().int().positive() }).meta({ id: 'Template' });
export type StoredTemplate = z.infer<typeof StoredTemplateSchema>;

export const TemplateResponseSchema = z.object({ template: StoredTemplateSchema });
export const TemplateListResponseSchema = z.object({
  items: z.array(StoredTemplateSchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last page'),
});

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// One pass over the template: a value is never searched for placeholders, so a customer who types
// `{{case_number}}` in a title sees exactly that. A placeholder without a value is left as typed.
function render(template: string, values: Record<string, string>, encode: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? '';
    if (!Object.hasOwn(values, name)) continue;
    out += encode(template.slice(last, match.index)) + encode(values[name]!);
    last = match.index + match[0].length;
  }
  return out + encode(template.slice(last));
}

/** A template with its placeholders replaced by the values, inserted literally, as plain text. */
export const renderTemplate = (template: string, values: Record<string, string>): string => render(template, values, (text) => text);

/**
 * The same as {@link renderTemplate} as an HTML fragment: the template's own text and every value
 * are escaped, and line breaks become `<br>`, so neither can inject markup.
 */
export const renderTemplateHtml = (template: string, values: Record<string, string>): string =>
  render(template, values, (text) => escapeHtml(text).replace(/\r\n?|\n/g, '<br>\n'));

/**
 * The supported language for a customer's language tag (`pl`, `pl-PL`, `en_GB`, `EN`), or the
 * fallback (the tenant's language) when it is missing or neither Polish nor English.
 */
export function chooseLanguage(customerLanguage: string | null | undefined, fallback: Language): Language {
  const primary = (customerLanguage ?? '').split(/[,;]/)[0]!.trim().split(/[-_]/)[0]!.toLowerCase();
  const parsed = LanguageSchema.safeParse(primary);
  return parsed.success ? parsed.data : fallback;
}

const DEFAULTS: Record<DefaultTemplatePurpose, Record<Language, Template>> = {
  reply_notification: {
    pl: {
      id: 'default-reply-notification-pl',
      kind: 'notification',
      language: 'pl',
      name: 'Odpowiedź konsultanta',
      subject: '[#{{case_number}}] {{case_title}}',
      body: [
        '{{reply_text}}',
        '',
        '--',
        '{{agent_name}}',
        '{{tenant_name}}',
        '',
        'Zgłoszenie nr {{case_number}}: {{ticket_url}}',
        'Aby uzupełnić zgłoszenie, prosimy odpowiedzieć na tę wiadomość bez zmiany numeru w temacie.',
      ].join('\n'),
    },
    en: {
      id: 'default-reply-notification-en',
      kind: 'notification',
      language: 'en',
      name: "Agent's reply",
      subject: '[#{{case_number}}] {{case_title}}',
      body: [
        '{{reply_text}}',
        '',
        '--',
        '{{agent_name}}',
        '{{tenant_name}}',
        '',
        'Case #{{case_number}}: {{ticket_url}}',
        'To add to your case, reply to this e-mail and keep the case number in the subject.',
      ].join('\n'),
    },
  },
  acknowledgement: {
    pl: {
      id: 'default-acknowledgement-pl',
      kind: 'notification',
      language: 'pl',
      name: 'Potwierdzenie przyjęcia zgłoszenia',
      subject: '[#{{case_number}}] Przyjęliśmy zgłoszenie: {{case_title}}',
      body: [
        'Dzień dobry,',
        '',
        'otrzymaliśmy Państwa wiadomość i zarejestrowaliśmy ją jako zgłoszenie nr {{case_number}}: {{case_title}}.',
        'Odpowiemy najszybciej, jak to możliwe. Aby uzupełnić zgłoszenie, prosimy odpowiedzieć na tę wiadomość bez zmiany numeru w temacie.',
        '',
        'Stan zgłoszenia: {{ticket_url}}',
        '',
        '{{tenant_name}}',
        '',
        'Ta wiadomość została wysłana automatycznie.',
      ].join('\n'),
    },
    en: {
      id: 'default-acknowledgement-en',
      kind: 'notification',
      language: 'en',
      name: 'Case received',
      subject: '[#{{case_number}}] We received your message: {{case_title}}',
      body: [
        'Hello,',
        '',
        'we received your message and registered it as case #{{case_number}}: {{case_title}}.',
        'We will reply as soon as we can. To add to your case, reply to this e-mail and keep the case number in the subject.',
        '',
        'Your case: {{ticket_url}}',
        '',
        '{{tenant_name}}',
        '',
        'This message was sent automatically.',
      ].join('\n'),
    },
  },
  activation: {
    pl: {
      id: 'default-activation-pl',
      kind: 'notification',
      language: 'pl',
      name: 'Aktywacja zgłoszenia',
      subject: 'Aktywuj zgłoszenie: {{case_title}}',
      body: [
        'Dzień dobry {{customer_name}},',
        '',
        'otrzymaliśmy zgłoszenie „{{case_title}}” wysłane przez formularz na naszej stronie.',
        'Aby przekazać je konsultantom, kliknij AKTYWUJ:',
        '',
        'AKTYWUJ: {{activation_url}}',
        '',
        'Link jest jednorazowy. Jeśli nie masz jeszcze konta, ustawisz hasło i zaakceptujesz regulamin;',
        'w panelu klienta zobaczysz potem wszystkie swoje zgłoszenia.',
        'Jeśli to nie Ty wysłałeś zgłoszenie, zignoruj tę wiadomość: nieaktywowane zgłoszenie zostanie usunięte.',
        '',
        '{{tenant_name}}',
        '',
        'Ta wiadomość została wysłana automatycznie.',
      ].join('\n'),
    },
    en: {
      id: 'default-activation-en',
      kind: 'notification',
      language: 'en',
      name: 'Activate your case',
      subject: 'Activate your case: {{case_title}}',
      body: [
        'Hello {{customer_name}},',
        '',
        'we received "{{case_title}}", sent through the form on our website.',
        'To pass it on to our team, click ACTIVATE:',
        '',
        'ACTIVATE: {{activation_url}}',
        '',
        "The link works once. If you have no account yet, you will set a password and accept the terms;",
        'your customer panel then shows all your cases.',
        'If you did not send this, ignore this message: a case nobody activates is deleted.',
        '',
        '{{tenant_name}}',
        '',
        'This message was sent automatically.',
      ].join('\n'),
    },
  },
  email_change: {
    pl: {
      id: 'default-email-change-pl',
      kind: 'notification',
      language: 'pl',
      name: 'Potwierdzenie nowego adresu e-mail',
      subject: 'Potwierdź nowy adres e-mail',
      body: [
        'Dzień dobry {{customer_name}},',
        '',
        'w panelu klienta poproszono o zmianę adresu e-mail konta na ten adres.',
        'Aby go potwierdzić, kliknij POTWIERDŹ (link działa jeden raz przez 24 godziny):',
        '',
        'POTWIERDŹ: {{confirmation_url}}',
        '',
        'Po potwierdzeniu logujesz się tym adresem i na niego wysyłamy odpowiedzi.',
        'Jeśli to nie Ty, zignoruj tę wiadomość: adres konta się nie zmieni.',
        '',
        '{{tenant_name}}',
        '',
        'Ta wiadomość została wysłana automatycznie.',
      ].join('\n'),
    },
    en: {
      id: 'default-email-change-en',
      kind: 'notification',
      language: 'en',
      name: 'Confirm your new e-mail address',
      subject: 'Confirm your new e-mail address',
      body: [
        'Hello {{customer_name}},',
        '',
        "someone asked in our customer panel to move an account to this address.",
        'To confirm it, click CONFIRM (the link works once, for 24 hours):',
        '',
        'CONFIRM: {{confirmation_url}}',
        '',
        'Once confirmed, you sign in with this address and our replies come here.',
        'If this was not you, ignore this message: the account keeps its address.',
        '',
        '{{tenant_name}}',
        '',
        'This message was sent automatically.',
      ].join('\n'),
    },
  },
  // To the address an account had, once a new one is confirmed: whoever lost it learns at once.
  email_changed: {
    pl: {
      id: 'default-email-changed-pl',
      kind: 'notification',
      language: 'pl',
      name: 'Zmieniono adres e-mail konta',
      subject: 'Adres e-mail Twojego konta został zmieniony',
      body: [
        'Dzień dobry {{customer_name}},',
        '',
        'adres e-mail Twojego konta w panelu klienta został właśnie zmieniony i potwierdzony z nowego adresu.',
        'Od teraz logujesz się nowym adresem i na niego wysyłamy odpowiedzi; ten adres nie otrzyma już od nas wiadomości o zgłoszeniach.',
        '',
        'Jeśli to nie Ty zmieniłeś adres, odpowiedz na tę wiadomość albo skontaktuj się z nami jak najszybciej.',
        '',
        '{{tenant_name}}',
        '',
        'Ta wiadomość została wysłana automatycznie.',
      ].join('\n'),
    },
    en: {
      id: 'default-email-changed-en',
      kind: 'notification',
      language: 'en',
      name: 'Your account e-mail address was changed',
      subject: 'The e-mail address of your account was changed',
      body: [
        'Hello {{customer_name}},',
        '',
        'the e-mail address of your account in our customer panel was just changed, and confirmed from the new address.',
        'From now on you sign in with the new address and our replies go there; this address gets no more mail about your cases.',
        '',
        'If you did not change it, reply to this message or contact us as soon as you can.',
        '',
        '{{tenant_name}}',
        '',
        'This message was sent automatically.',
      ].join('\n'),
    },
  },
};

/** The built-in template for a purpose in a language, used when the tenant saved none of its own. */
export const defaultTemplate = (purpose: DefaultTemplatePurpose, language: Language): Template => DEFAULTS[purpose][language];
