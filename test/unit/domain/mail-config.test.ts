import { describe, expect, it } from 'vitest';
import { inMailDomain, MailConfigSchema, mailboxFor } from '../../../functions/domain/mail-config.ts';

const config = MailConfigSchema.parse({
  domain: 'Mail.Acme.Example',
  mailboxes: [
    { address: 'Support@mail.acme.example', inbox: 'support' },
    { address: 'billing@mail.acme.example', inbox: 'billing', displayName: 'Acme Billing' },
  ],
});

describe('MailConfigSchema', () => {
  it('keeps domain and addresses in lower case', () => {
    expect(config.domain).toBe('mail.acme.example');
    expect(config.mailboxes[0]?.address).toBe('support@mail.acme.example');
  });

  it.each([
    [{ domain: 'acme.example', mailboxes: [{ address: 'help@other.example', inbox: 'x' }] }, ['mailboxes', 0, 'address']],
    [{ domain: 'acme.example', mailboxes: [{ address: 'a@acme.example', inbox: 'x' }, { address: 'A@acme.example', inbox: 'y' }] }, ['mailboxes', 1, 'address']],
    [{ domain: 'acme.example', mailboxes: [{ address: 'help+tag@acme.example', inbox: 'x' }] }, ['mailboxes', 0, 'address']],
    [{ domain: 'acme.example', mailboxes: [{ address: `${'a'.repeat(26)}@acme.example`, inbox: 'x' }] }, ['mailboxes', 0, 'address']],
    [{ domain: 'localhost', mailboxes: [{ address: 'a@localhost', inbox: 'x' }] }, ['domain']],
    [{ domain: 'acme.example', mailboxes: [] }, ['mailboxes']],
  ])('refuses %j at %j', (input, path) => {
    const result = MailConfigSchema.safeParse(input);

    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('mailboxFor', () => {
  it.each([
    ['support@mail.acme.example', 'support'],
    ['SUPPORT@Mail.Acme.Example', 'support'],
    ['Acme <billing@mail.acme.example>', 'billing'],
    ['support+c.0b5e4c1e-7d2a-4f7e-9a51-2f4c8e6d1a30@mail.acme.example', 'support'],
    ['billing+anything@mail.acme.example', 'billing'],
  ])('finds the mailbox of %s', (address, inbox) => {
    expect(mailboxFor(config, address)?.inbox).toBe(inbox);
  });

  it.each(['sales@mail.acme.example', 'support@acme.example', 'support@mail.acme.example.evil.example', 'not an address'])('finds none for %s', (address) => {
    expect(mailboxFor(config, address)).toBeNull();
  });
});

describe('inMailDomain', () => {
  it('tells addresses of the tenant domain from others', () => {
    expect(inMailDomain(config, 'Nobody <nobody@MAIL.acme.example>')).toBe(true);
    expect(inMailDomain(config, 'nobody@acme.example')).toBe(false);
  });
});
