import { NotFoundError } from '../domain/errors.ts';
import { MAX_MAIL_HTML_BYTES } from '../domain/responses.ts';
import { routes } from '../routes.ts';
import { HttpError } from '../shared/http-errors.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { mailObjects } from './mail-bucket.ts';

const tooLarge = () =>
  new HttpError(413, 'html_too_large', `the e-mail's HTML is larger than ${MAX_MAIL_HTML_BYTES} bytes; show its text instead`);

/**
 * The HTML of an inbound e-mail as ingestion stored it, already sanitised (functions/mail/inbound/
 * sanitize.ts): returned as is, for the console to show in a sandboxed iframe. It is capped twice,
 * as stored (checked before reading it) and as escaped in JSON, so no answer nears Lambda's 6 MB.
 */
export const getMailHtml = defineHandler(routes.getMailHtml, async ({ params }, deps) => {
  const entry = await deps.cases.getEntry(params.caseId, params.seq);
  const key = entry.type === 'inbound_message' ? entry.mail?.htmlKey : null;
  if (!key) throw new NotFoundError(`entry ${params.seq} of case ${params.caseId} has no HTML`);
  const objects = mailObjects();
  if (!objects) throw new NotFoundError('this helpdesk has no mail bucket');
  const bytes = await objects.getAtMost(key, MAX_MAIL_HTML_BYTES);
  if (!bytes) throw tooLarge();
  const html = Buffer.from(bytes).toString('utf8');
  if (Buffer.byteLength(JSON.stringify(html)) > 2 * MAX_MAIL_HTML_BYTES) throw tooLarge();
  return { status: 200, body: { html } };
});
