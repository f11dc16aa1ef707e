import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { WIDGET } from '../../web/apps.ts';

/** The demo site: a pretend tenant's page and its own stylesheet, nothing else. */
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/acme.css': { file: 'acme.css', type: 'text/css; charset=utf-8' },
};

export interface DemoSite {
  url: string;
  stop: () => Promise<void>;
}

/**
 * "Acme shop", a tenant's own website with the widget embedded as a tenant embeds it: one script tag from
 * the helpdesk and the element with the customer's id. It listens on 127.0.0.1, another origin than the
 * helpdesk's localhost, so the browser makes the same cross-origin call as from a real site, and it sends
 * the CSP a careful tenant would: scripts only from the helpdesk, calls only to its API and to the storage
 * the widget PUTs files to (the local S3, on a port of its own), no inline styles or scripts.
 */
export async function startDemoSite(options: { port: number; helpdeskUrl: string; storageUrl: string }): Promise<DemoSite> {
  const helpdesk = new URL(options.helpdeskUrl).origin;
  const storage = new URL(options.storageUrl).origin;
  const csp = [
    "default-src 'none'",
    `script-src ${helpdesk}`,
    `connect-src ${helpdesk} ${storage}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const server = createServer((request, response) => {
    const page = FILES[new URL(request.url ?? '/', 'http://demo').pathname];
    if (request.method !== 'GET' || !page) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not Found\n');
      return;
    }
    const text = readFileSync(resolve(import.meta.dirname, 'demo-site', page.file), 'utf8')
      .replaceAll('{{widgetScript}}', `${helpdesk}${WIDGET.path}`)
      .replaceAll('{{api}}', helpdesk);
    response.writeHead(200, { 'content-type': page.type, 'content-security-policy': csp, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    response.end(text);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', done);
  });
  return {
    url: `http://127.0.0.1:${options.port}/`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
