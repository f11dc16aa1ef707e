import type { Case } from './case.ts';
import type { Placeholder } from './templates.ts';
import type { TenantSettings } from './tenant-settings.ts';

/**
 * The values a template's placeholders take for a case; `reply_text` is the reply a notification
 * wraps, so only its sender adds it. A name nobody knows is left empty rather than guessed.
 * `ticketUrl` is the case's public link, which only a function holding the link secret can make.
 */
export function casePlaceholders(
  c: Pick<Case, 'number' | 'title'>,
  settings: Pick<TenantSettings, 'name'>,
  people: { customer: string | null | undefined; agent: string | null | undefined; ticketUrl: string },
): Record<Exclude<Placeholder, 'reply_text' | 'activation_url' | 'confirmation_url'>, string> {
  return {
    case_number: String(c.number),
    case_title: c.title,
    customer_name: people.customer ?? '',
    agent_name: people.agent ?? '',
    tenant_name: settings.name,
    ticket_url: people.ticketUrl,
  };
}
