import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { api } from './api-client.ts';
import { expireLink, PASSWORD, signInCustomer } from './intake-client.ts';
import { eventually } from './local-helpdesk.ts';
import { outboxFor, uniqueSender } from './mail-client.ts';
import { asCustomer, registeredCustomer } from './portal-client.ts';

/** The token of the newest confirmation link mailed to an address, once `count` mails have reached it. */
async function confirmationToken(address: string, count = 1): Promise<string> {
  const raws = await eventually(async () => {
    const mails = await outboxFor(address);
    return mails.length >= count && mails;
  });
  const mail = await PostalMime.parse(raws.at(-1)!);
  const token = /\/confirm-email#([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation link in: ${mail.text}`);
  return token;
}

const confirm = (token: string) => api('nobody', 'POST', '/public/email-change', { headers: { 'x-confirmation-token': token } });

describe("changing a customer's e-mail address", () => {
  it('mails a link to the new address, changes nothing until it is opened, then moves the account, the record and the open case to it, once', async () => {
    const { token, email, caseNumber } = await registeredCustomer('Printer on fire');
    const moved = uniqueSender('moved');
    const c = (await api('agent', 'GET', `/cases?number=${caseNumber}`)).body.items[0];

    const same = await asCustomer(token, 'POST', '/my/email-change', { email: email.toUpperCase() });
    const bad = await asCustomer(token, 'POST', '/my/email-change', { email: 'not an address' });
    const asked = await asCustomer(token, 'POST', '/my/email-change', { email: moved });

    expect([same.status, same.body.error.issues[0].path]).toEqual([400, 'body.email']);
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'body.email']);
    expect(asked.status).toBe(202);
    const link = await confirmationToken(moved);
    expect((await asCustomer(token, 'GET', '/my/profile')).body.profile.email).toBe(email);
    expect((await signInCustomer(moved, PASSWORD)).type).toBe('NotAuthorizedException');

    const forged = await confirm('A'.repeat(43));
    const confirmed = await confirm(link);
    const again = await confirm(link);

    expect(forged.status).toBe(404);
    expect([confirmed.status, confirmed.body]).toEqual([200, { email: moved }]);
    expect([again.status, again.body.error.code]).toEqual([410, 'email_change_used']);
    expect((await asCustomer(token, 'GET', '/my/profile')).body.profile.email).toBe(moved);
    expect((await signInCustomer(moved, PASSWORD)).accessToken).toBeTruthy();
    expect((await signInCustomer(email, PASSWORD)).type).toBe('NotAuthorizedException');
    expect((await api('agent', 'GET', `/customers?email=${encodeURIComponent(moved)}`)).body.customer.email).toBe(moved);
    expect((await api('agent', 'GET', `/customers?email=${encodeURIComponent(email)}`)).status).toBe(404);
    const readdressed = await api('agent', 'GET', `/cases/${c.id}`);
    expect(readdressed.body.case.contacts.primaryContact.email).toBe(moved);
    expect(readdressed.body.case.status).toBe(c.status);
    expect(readdressed.body.timeline.at(-1)).toMatchObject({ type: 'field_change', changes: [{ field: 'contacts' }] });
    // The old address is told, once, in the account's language.
    const notices = await eventually(async () => {
      const mails = await Promise.all((await outboxFor(email)).map((raw) => PostalMime.parse(raw)));
      const found = mails.filter((mail) => /adres e-mail Twojego konta/i.test(mail.subject ?? ''));
      return found.length > 0 && found;
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('Jeśli to nie Ty zmieniłeś adres');
  });

  it('answers a request for an address another customer has like any other, and refuses it only to whoever opens the link (409)', async () => {
    const { token, email } = await registeredCustomer();
    const taken = uniqueSender('taken');
    await api('agent', 'POST', '/customers', { body: { email: taken, name: 'Someone Else' } });

    const asked = await asCustomer(token, 'POST', '/my/email-change', { email: taken });
    const refused = await confirm(await confirmationToken(taken));

    expect(asked.status).toBe(202);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'email_taken']);
    expect((await asCustomer(token, 'GET', '/my/profile')).body.profile.email).toBe(email);
    expect((await signInCustomer(email, PASSWORD)).accessToken).toBeTruthy();
  });

  it('refuses an expired link with the way out (410), and takes the newer link asked for instead', async () => {
    const { token } = await registeredCustomer();
    const moved = uniqueSender('late');
    await asCustomer(token, 'POST', '/my/email-change', { email: moved });
    const old = await confirmationToken(moved);
    await expireLink(old, 'EMAIL_CHANGE');

    const expired = await confirm(old);
    await asCustomer(token, 'POST', '/my/email-change', { email: moved });
    const fresh = await confirm(await confirmationToken(moved, 2));

    expect([expired.status, expired.body.error.code]).toEqual([410, 'email_change_expired']);
    expect([fresh.status, fresh.body]).toEqual([200, { email: moved }]);
  });

  it('is only for a signed-in customer: a staff token or none gets a 401', async () => {
    const staff = await api('agent', 'POST', '/my/email-change', { body: { email: uniqueSender() } });
    const anonymous = await api('nobody', 'POST', '/my/email-change', { body: { email: uniqueSender() } });

    expect([staff.status, anonymous.status]).toEqual([401, 401]);
  });
});
