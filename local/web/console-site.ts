import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { RuntimeConfig } from '../../web/shared/runtime-config.ts';
import { webSecurityHeaders } from '../../web/security-headers.ts';

/** Where `npm run build:web` puts the console (web/vite.config.ts). */
export const CONSOLE_DIR = resolve(import.meta.dirname, '../../web/dist/console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Serves the built console under /console/ as CloudFront serves it: files from the build, the
 * index page for every other path (the app routes in the browser), its `config.json` for this
 * server, and the same security headers.
 */
export function serveConsole(response: ServerResponse, url: URL, storageOrigin: string): boolean {
  if (url.pathname === '/console') {
    response.writeHead(301, { location: '/console/' });
    response.end();
    return true;
  }
  if (!url.pathname.startsWith('/console/')) return false;
  const headers = webSecurityHeaders({ api: '', signIn: '', storage: storageOrigin });
  const index = join(CONSOLE_DIR, 'index.html');
  if (!existsSync(index)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The console is not built: run `npm run build:web` (npm start does it first).\n');
    return true;
  }
  const relative = url.pathname.slice('/console/'.length);
  if (relative === 'config.json') {
    response.writeHead(200, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(localConfig()));
    return true;
  }
  const file = normalize(join(CONSOLE_DIR, relative));
  const isAsset = file.startsWith(CONSOLE_DIR + '/') && existsSync(file) && statSync(file).isFile();
  const served = isAsset ? file : index;
  response.writeHead(200, {
    ...headers,
    'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
    // Built assets have content hashes in their names; the index page names the current ones.
    'cache-control': isAsset && relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  response.end(readFileSync(served));
  return true;
}

function localConfig(): RuntimeConfig {
  return {
    apiUrl: '',
    auth: { authorizeUrl: '/local-auth/authorize', tokenUrl: '/local-auth/token', clientId: 'local-web', scope: 'openid' },
  };
}
