import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { HANDLER_BUNDLING } from './handler-function.ts';

type CdkBundling = typeof HANDLER_BUNDLING;

/**
 * How aws-cdk-lib's NodejsFunction passes each bundling option to esbuild (see its
 * `Bundling.buildEsbuildArgs`). Keyed by every option the construct sets, so a new option in
 * lib/handler-function.ts fails the type check here until the bench and the bundle test use it too.
 */
const TO_ESBUILD: { [K in keyof CdkBundling]: (value: CdkBundling[K]) => BuildOptions } = {
  format: (format) => ({ format: format === OutputFormat.ESM ? 'esm' : 'cjs' }),
  target: (target) => ({ target }),
  minify: (minify) => ({ minify }),
  sourceMap: (sourcemap) => ({ sourcemap }),
  sourcesContent: (sourcesContent) => ({ sourcesContent }),
  mainFields: (mainFields) => ({ mainFields }),
  banner: (banner) => ({ banner: { js: banner } }),
  externalModules: (external) => ({ external }),
  esbuildArgs: (args) => ({
    alias: Object.fromEntries(
      Object.entries(args).map(([flag, value]) => {
        if (!flag.startsWith('--alias:')) throw new Error(`esbuild flag ${flag} has no translation here yet`);
        return [flag.slice('--alias:'.length), String(value)];
      }),
    ),
  }),
};

/** The esbuild options CDK's command line amounts to: it always bundles, for Node. */
export function cdkEsbuildOptions(): BuildOptions {
  const translated = (Object.keys(TO_ESBUILD) as (keyof CdkBundling)[]).map((key) =>
    (TO_ESBUILD[key] as (value: unknown) => BuildOptions)(HANDLER_BUNDLING[key]),
  );
  return Object.assign({ bundle: true, platform: 'node' } satisfies BuildOptions, ...translated);
}
