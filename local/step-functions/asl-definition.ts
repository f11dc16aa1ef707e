import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CASE_TIMER_ASL = fileURLToPath(new URL('../../statemachines/case-timer.asl.json', import.meta.url));

/** The `${Name}` placeholders of an ASL file, which CDK fills with definitionSubstitutions. */
export function placeholdersOf(aslText: string): string[] {
  return [...new Set([...aslText.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]!))];
}

/** The ASL file exactly as CDK deploys it, with the placeholders filled in the same way. */
export function loadDefinition(file: string, substitutions: Record<string, string>): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const missing = placeholdersOf(text).filter((name) => !(name in substitutions));
  if (missing.length > 0) throw new Error(`no substitution for ${missing.join(', ')} in ${file}`);
  return JSON.parse(text.replace(/\$\{(\w+)\}/g, (_match, name: string) => substitutions[name]!)) as Record<string, unknown>;
}
