import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../local/free-port.ts';
import { type DemoSite, startDemoSite } from '../../../local/web/demo-site.ts';

const HELPDESK = 'http://localhost:4999';
const STORAGE = 'http://127.0.0.1:4998';

describe('the demo tenant site', () => {
  let site: DemoSite;

  beforeAll(async () => {
    site = await startDemoSite({ port: await freePort(), helpdeskUrl: HELPDESK, storageUrl: STORAGE });
  });

  afterAll(async () => {
    await site.stop();
  });

  it('embeds the widget as a tenant does: one script tag from the helpdesk and the element with the API and a customer id', async () => {
    const html = await (await fetch(site.url)).text();

    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script src="${HELPDESK}/widget/helpdesk-widget.js" defer>`]);
    expect(html).toContain(`<helpdesk-widget api="${HELPDESK}" language="en" external-customer-id="C-1042">`);
  });

  it('is served with a strict CSP that lets the page load scripts from the helpdesk and call only it and the storage files go to, with no inline styles', async () => {
    const response = await fetch(site.url);

    const csp = response.headers.get('content-security-policy');
    expect(csp).toContain(`script-src ${HELPDESK};`);
    expect(csp).toContain(`connect-src ${HELPDESK} ${STORAGE};`);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('is on 127.0.0.1, another origin than the helpdesk', () => {
    expect(new URL(site.url).hostname).toBe('127.0.0.1');
  });

  it('serves its stylesheet and nothing else', async () => {
    const [css, other] = await Promise.all([fetch(new URL('/acme.css', site.url)), fetch(new URL('/admin', site.url))]);

    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    expect(other.status).toBe(404);
  });
});
