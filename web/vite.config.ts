import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import { WEB_APPS, WIDGET } from './apps.ts';

/**
 * Builds one web app, chosen with `--mode <app>`, into web/dist/<app>: the local runtime serves it at
 * /<app>/, CDK uploads it to the tenant's web bucket. JSX for Preact comes from web/tsconfig.json
 * (`jsxImportSource`). `--mode widget` builds the embeddable widget instead.
 */
export default defineConfig(({ mode }) => {
  if (mode === WIDGET.dir) return widget;
  const app = WEB_APPS.find((name) => name === mode);
  if (!app) throw new Error(`build a web app with --mode ${[...WEB_APPS, WIDGET.dir].join('|')} (got '${mode}')`);
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

/**
 * The widget as one classic script with a stable name (library mode, IIFE): a tenant's page loads it
 * with a plain `<script src defer>`, with no module loader and no chunks to find relative to the page.
 */
const widget: UserConfig = {
  root: resolve(import.meta.dirname, WIDGET.dir),
  build: {
    lib: { entry: resolve(import.meta.dirname, `${WIDGET.dir}/main.tsx`), formats: ['iife'], name: 'HelpdeskWidget', fileName: () => WIDGET.file },
    outDir: resolve(import.meta.dirname, `dist/${WIDGET.dir}`),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
};
