import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { WEB_APPS } from './apps.ts';

/**
 * Builds one web app, chosen with `--mode <app>`, into web/dist/<app>: the local runtime serves it at
 * /<app>/, CDK uploads it to the tenant's web bucket. JSX for Preact comes from web/tsconfig.json
 * (`jsxImportSource`).
 */
export default defineConfig(({ mode }) => {
  const app = WEB_APPS.find((name) => name === mode);
  if (!app) throw new Error(`build a web app with --mode ${WEB_APPS.join('|')} (got '${mode}')`);
  return {
    root: resolve(import.meta.dirname, app),
    base: `/${app}/`,
    build: {
      outDir: resolve(import.meta.dirname, `dist/${app}`),
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
    },
  };
});
