import type { DefaultTemplatePurpose, Language } from '../domain/templates.ts';
import { renderTemplate } from '../domain/templates.ts';
import { mailTemplate } from '../mail/mail-template.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';

/** A portal page's address carrying a one-time token after `#`, out of every server log. */
export const portalLink = (deps: IntakeDeps, page: string, token: string): string => `${deps.intake.portalUrl.replace(/\/$/, '')}/${page}#${token}`;

/** Mails the tenant's template for `purpose` (or the built-in one) in `language`, filled with `values`, from the intake mailbox. */
export async function mailLink(deps: IntakeDeps, purpose: DefaultTemplatePurpose, language: Language, to: string, values: Record<string, string>): Promise<void> {
  const template = await mailTemplate(deps.templates, purpose, language);
  await deps.intake.mailer.send({ to, subject: renderTemplate(template.subject ?? '', values), text: renderTemplate(template.body, values) });
}
