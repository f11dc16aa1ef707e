import { type DefaultTemplatePurpose, defaultTemplate, type Language, type Template } from '../domain/templates.ts';
import type { TemplateStore } from '../store/template-store.ts';

/** The tenant's own template for a purpose and language, or the built-in one when it saved none. */
export async function mailTemplate(templates: TemplateStore, purpose: DefaultTemplatePurpose, language: Language): Promise<Template> {
  return (await templates.forPurpose(purpose, language)) ?? defaultTemplate(purpose, language);
}
