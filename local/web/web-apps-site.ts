import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { WEB_APPS, type WebApp, WIDGET } from '../../web/apps.ts';
import type { PortalConfig, RuntimeConfig } from '../../web/shared/runtime-config.ts';
import { webSecurityHeaders } from '../../web/security-headers.ts';

/** Where `npm run build:web` puts an app, or the widget (web/vite.config.ts). */
export const appDir = (app: WebApp | typeof WIDGET.dir): string => resolve(import.meta.dirname, `../../web/dist/${app}`);

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
 * What the apps reach besides this server: the object store files are uploaded to, and the customer pool;
 * and the pretend tenant site that embeds the widget, which /widget/demo leads to.
 */
export interface LocalSite {
  storageOrigin: string;
  customerPool: PortalConfig['customerPool'];
  demoSiteUrl: string;
}

/** Each app's `config.json` for this server: the API is on the same origin; agents sign in on the local page. */
const configs = (site: LocalSite): Record<WebApp, RuntimeConfig | PortalConfig> => ({
  console: {
    apiUrl: '',
    auth: { authorizeUrl: '/local-auth/authorize', tokenUrl: '/local-auth/token', clientId: 'local-web', scope: 'openid' },
  },
  portal: { apiUrl: '', customerPool: site.customerPool },
});

/**
 * Serves the built web apps under /<app>/ as CloudFront serves them: files from the build, the
 * index page for every other path (each app routes in the browser), its `config.json` for this
 * server, and the same security headers; and the widget's files under /widget/.
 */
export function serveWebApps(response: ServerResponse, url: URL, site: LocalSite): boolean {
  const headers = webSecurityHeaders({ api: '', signIn: '', storage: site.storageOrigin, customerSignIn: new URL(site.customerPool.endpoint).origin });
  if (url.pathname.startsWith(`/${WIDGET.dir}/`)) return serveWidget(response, url.pathname.slice(`/${WIDGET.dir}/`.length), site, headers);
  const app = WEB_APPS.find((name) => url.pathname === `/${name}` || url.pathname.startsWith(`/${name}/`));
  if (!app) return false;
  if (url.pathname === `/${app}`) {
    response.writeHead(301, { location: `/${app}/` });
    response.end();
    return true;
  }
  const dir = appDir(app);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`The ${app} is not built: run \`npm run build:web\` (npm start does it first).\n`);
    return true;
  }
  const relative = url.pathname.slice(`/${app}/`.length);
  if (relative === 'config.json') {
    response.writeHead(200, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(configs(site)[app]));
    return true;
  }
  const file = normalize(join(dir, relative));
  const isAsset = file.startsWith(dir + '/') && existsSync(file) && statSync(file).isFile();
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

/**
 * The widget's files under /widget/ as CloudFront serves its script: the same headers as the apps, cached
 * for a few minutes (its name has no content hash); no index page. /widget/demo leads to the demo site.
 */
function serveWidget(response: ServerResponse, relative: string, site: LocalSite, headers: Record<string, string>): boolean {
  if (relative === 'demo') {
    response.writeHead(302, { location: site.demoSiteUrl });
    response.end();
    return true;
  }
  const dir = appDir(WIDGET.dir);
  const file = normalize(join(dir, relative));
  if (!file.startsWith(dir + '/') || !existsSync(file) || !statSync(file).isFile()) {
    const built = existsSync(join(dir, WIDGET.file));
    response.writeHead(built ? 404 : 503, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    response.end(built ? 'Not Found\n' : 'The widget is not built: run `npm run build:web` (npm start does it first).\n');
    return true;
  }
  response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': WIDGET.cacheControl });
  response.end(readFileSync(file));
  return true;
}
