/**
 * The web apps. Each is built to web/dist/<app> (web/vite.config.ts, `--mode <app>`) and served
 * under /<app>/: by the local runtime (local/web/web-apps-site.ts) and by CloudFront (lib/web-hosting.ts).
 */
export const WEB_APPS = ['console', 'portal'] as const;
export type WebApp = (typeof WEB_APPS)[number];
