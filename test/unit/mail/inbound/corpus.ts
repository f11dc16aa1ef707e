import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../../fixtures/mail/', import.meta.url));

/** Every `.eml` fixture with its raw bytes and the `.expected.json` beside it. */
export const corpus = readdirSync(DIR)
  .filter((file) => file.endsWith('.eml'))
  .sort()
  .map((file) => {
    const name = file.replace(/\.eml$/, '');
    return {
      name,
      raw: new Uint8Array(readFileSync(`${DIR}${file}`)),
      expected: JSON.parse(readFileSync(`${DIR}${name}.expected.json`, 'utf8')),
    };
  });

export const fixture = (name: string): Uint8Array => {
  const found = corpus.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.raw;
};
