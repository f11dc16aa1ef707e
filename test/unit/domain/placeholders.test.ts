import { describe, expect, it } from 'vitest';
import { casePlaceholders } from '../../../functions/domain/placeholders.ts';
import { PLACEHOLDERS, renderTemplate } from '../../../functions/domain/templates.ts';
import { settings } from '../../fixtures/cases.ts';

const c = { number: 1042, title: 'Drukarka nie drukuje' };

describe('casePlaceholders', () => {
  it("gives every placeholder but the reply's own text a value", () => {
    const values = casePlaceholders(c, settings({ name: 'Acme' }), { customer: 'Jan', agent: 'Ala' });

    expect(Object.keys(values).sort()).toEqual(PLACEHOLDERS.filter((p) => p !== 'reply_text').sort());
    expect(values).toEqual({
      case_number: '1042',
      case_title: 'Drukarka nie drukuje',
      customer_name: 'Jan',
      agent_name: 'Ala',
      tenant_name: 'Acme',
      ticket_url: '#1042',
    });
  });

  it('links to the portal when the tenant has one', () => {
    expect(casePlaceholders(c, settings({ portalUrl: 'https://help.acme.example/' }), { customer: null, agent: null }).ticket_url).toBe(
      'https://help.acme.example/cases/1042',
    );
  });

  it('leaves an unknown name empty, so no "undefined" reaches a customer', () => {
    const values = casePlaceholders(c, settings(), { customer: undefined, agent: null });

    expect(renderTemplate('Dzień dobry {{customer_name}}, pisze {{agent_name}}.', values)).toBe('Dzień dobry , pisze .');
  });
});
