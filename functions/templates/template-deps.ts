import { loadConfig } from '../shared/config.ts';
import { createDocumentClient } from '../store/client.ts';
import { TemplateStore } from '../store/template-store.ts';

/** What the template handlers need; tests pass their own. */
export interface TemplateDeps {
  templates: TemplateStore;
}

let cached: TemplateDeps | undefined;

/** Built once per cold start; the templates group needs none of the case engine's other clients. */
export function templateDeps(): TemplateDeps {
  if (!cached) cached = { templates: new TemplateStore(createDocumentClient(), loadConfig().tableName) };
  return cached;
}
