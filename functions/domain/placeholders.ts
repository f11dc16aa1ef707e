import type { Case } from './case.ts';
import type { Placeholder } from './templates.ts';
import type { TenantSettings } from './tenant-settings.ts';
import { ticketUrl } from './ticket-url.ts';

/**
 * The values a template's placeholders take for a case; `reply_text` is the reply a notification
 * wraps, so only its sender adds it. A name nobody knows is left empty rather than guessed.
 */
export function casePlaceholders(
  c: Pick<Case, 'number' | 'title'>,
  settings: Pick<TenantSettings, 'name' | 'portalUrl'>,
  names: { customer: string | null | undefined; agent: string | null | undefined },
): Record<Exclude<Placeholder, 'reply_text'>, string> {
  return {
    case_number: String(c.number),
    case_title: c.title,
    customer_name: names.customer ?? '',
    agent_name: names.agent ?? '',
    tenant_name: settings.name,
    ticket_url: ticketUrl(c, settings),
  };
}
