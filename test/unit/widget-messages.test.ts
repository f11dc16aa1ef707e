import { describe, expect, it } from 'vitest';
import { issuesByField, SHOWN } from '../../web/widget/intake-fields.ts';
import { MESSAGES } from '../../web/widget/messages.ts';

const polish = (key: string) => MESSAGES.pl[key] ?? `missing message ${key}`;

describe('the widget in Polish and English', () => {
  it('has every message in both languages, none empty', () => {
    expect(Object.keys(MESSAGES.pl).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const messages of Object.values(MESSAGES)) expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it("says the API's objection to each field in the widget's language, never the API's English", () => {
    const { fields, other } = issuesByField(
      [
        { path: 'body.email', message: 'Invalid email address' },
        { path: 'body.phone', message: 'digits, spaces, ( ) - and a leading +' },
        { path: 'body.attachments.0.key', message: 'not an upload of this form' },
      ],
      polish,
    );

    expect(fields).toEqual({ email: MESSAGES.pl['invalid.email'], phone: MESSAGES.pl['invalid.phone'], files: MESSAGES.pl['invalid.files'] });
    expect(other).toBe(false);
  });

  it('has an objection for every field the API may refuse', () => {
    for (const field of SHOWN) expect(MESSAGES.pl[`invalid.${field}`], field).toBeDefined();
  });

  it("reports an issue no field shows (the host page's own data) as a failure to send", () => {
    expect(issuesByField([{ path: 'body.externalCustomerId', message: 'Too big' }], polish)).toEqual({ fields: {}, other: true });
  });
});
