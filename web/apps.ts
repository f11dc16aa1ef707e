/**
 * The web apps. Each is built to web/dist/<app> (web/vite.config.ts, `--mode <app>`) and served
 * under /<app>/: by the local runtime (local/web/web-apps-site.ts) and by CloudFront (lib/web-hosting.ts).
 */
export const WEB_APPS = ['console', 'portal'] as const;
export type WebApp = (typeof WEB_APPS)[number];

/**
 * The embeddable intake widget: no app with pages, one script a tenant's own site loads (`--mode widget`).
 * Its name carries no content hash, as tenants' pages name it for good; so it is cached briefly and then
 * revalidated, and a deploy reaches every site within `cache-control`'s five minutes.
 */
export const WIDGET = {
  dir: 'widget',
  file: 'helpdesk-widget.js',
  path: '/widget/helpdesk-widget.js',
  cacheControl: 'public, max-age=300',
} as const;
