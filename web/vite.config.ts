import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the console into web/dist/console: the local runtime serves it at /console/, CDK uploads it
 * to the tenant's web bucket. JSX for Preact comes from web/tsconfig.json (`jsxImportSource`).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'console'),
  base: '/console/',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/console'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
