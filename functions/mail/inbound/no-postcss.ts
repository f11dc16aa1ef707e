/**
 * Stands in for `postcss` in the Lambda bundles (an esbuild alias in lib/handler-function.ts).
 * sanitize-html loads it on import but calls it only to parse style attributes, which the mail
 * sanitiser neither allows nor parses (`parseStyleAttributes: false`): about 90 KB of the
 * ingest-mail bundle that never runs. Should that change, this fails loudly instead of quietly.
 */
export function parse(): never {
  throw new Error('postcss is not bundled: style attributes must not be parsed (sanitize-html parseStyleAttributes: false)');
}
