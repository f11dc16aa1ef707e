import { ValidationError } from '../domain/errors.ts';
import { casePlaceholders } from '../domain/placeholders.ts';
import { renderTemplate as fill } from '../domain/templates.ts';
import { routes } from '../routes.ts';
import { defineHandler } from '../shared/http-handler.ts';

/**
 * Fills a reply or note template in for the composer. Rendering here, not in the browser, keeps
 * one implementation of placeholders, the same one that fills the mail a reply goes out in.
 */
export const renderTemplate = defineHandler(routes.renderTemplate, async ({ params, actor }, deps) => {
  const [c, template, directory, links] = await Promise.all([
    deps.cases.getCase(params.caseId),
    deps.templates.get(params.templateId),
    deps.agents.list(),
    deps.links(),
  ]);
  if (template.kind === 'notification') {
    throw new ValidationError([{ path: 'params.templateId', message: 'a notification template is mailed on its own; choose a reply or note template' }]);
  }
  const agent = directory.find((a) => a.id === actor.id)?.name ?? actor.name;
  const values = casePlaceholders(c, deps.settings, { customer: c.contacts.primaryContact?.name, agent, ticketUrl: links.url(c, deps.settings) });
  return {
    status: 200,
    body: {
      rendered: {
        templateId: template.id,
        kind: template.kind,
        language: template.language,
        ...(template.subject !== undefined ? { subject: fill(template.subject, values) } : {}),
        body: fill(template.body, values),
      },
    },
  };
});
