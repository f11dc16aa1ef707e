import { describe, expect, it } from 'vitest';
import { casePlaceholders } from '../../../functions/domain/placeholders.ts';
import { PLACEHOLDERS, renderTemplate } from '../../../functions/domain/templates.ts';
import { settings } from '../../fixtures/cases.ts';

const c = { number: 1042, title: 'Drukarka nie drukuje' };

describe('casePlaceholders', () => {
  it("gives every placeholder but the reply's own text and the activation and confirmation links a value", () => {
    const values = casePlaceholders(c, settings({ name: 'Acme' }), { customer: 'Jan', agent: 'Ala', ticketUrl: 'https://help.acme.example/link#t' });

    expect(Object.keys(values).sort()).toEqual(PLACEHOLDERS.filter((p) => !['reply_text', 'activation_url', 'confirmation_url'].includes(p)).sort());
    expect(values).toEqual({
      case_number: '1042',
      case_title: 'Drukarka nie drukuje',
      customer_name: 'Jan',
      agent_name: 'Ala',
      tenant_name: 'Acme',
      ticket_url: 'https://help.acme.example/link#t',
    });
  });

  it('leaves an unknown name empty, so no "undefined" reaches a customer', () => {
    const values = casePlaceholders(c, settings(), { customer: undefined, agent: null, ticketUrl: '' });

    expect(renderTemplate('Dzień dobry {{customer_name}}, pisze {{agent_name}}.', values)).toBe('Dzień dobry , pisze .');
  });
});
