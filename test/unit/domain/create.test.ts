import { describe, expect, it } from 'vitest';
import { createCase, submit } from '../../../functions/domain/create.ts';
import { ValidationError } from '../../../functions/domain/errors.ts';
import { CreateCaseInputSchema } from '../../../functions/domain/requests.ts';
import { aCase, agent, CASE_ID, ctx, robot, settings } from '../../fixtures/cases.ts';

const identity = { id: CASE_ID, number: 7 };
const complete = {
  title: 'Printer jam',
  description: 'The printer on floor 2 jams on every page',
  category: 'hardware',
  contacts: { primaryContact: { email: 'jan@example.com' }, requester: { email: 'ola@example.com' } },
};
const input = (overrides: object = {}) => CreateCaseInputSchema.parse({ ...complete, ...overrides });

function validationPaths(act: () => unknown): string[] {
  try {
    act();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('createCase', () => {
  it('submits at once: New, assigned to the creating agent, description as the first timeline entry', () => {
    const { case: c, entries } = createCase(input(), ctx(agent('agent-ala')), identity);

    expect(c).toMatchObject({ id: CASE_ID, number: 7, status: 'new', assigneeId: 'agent-ala', channel: 'agent', version: 1, entryCount: 2 });
    expect(entries[0]).toMatchObject({ seq: 1, type: 'description', visibility: 'public', text: complete.description });
  });

  it('keeps a draft with no timeline and nothing required', () => {
    const { case: c, entries } = createCase(input({ draft: true, title: undefined, category: undefined }), ctx(), identity);

    expect(c).toMatchObject({ status: 'draft', title: '', version: 1, entryCount: 0 });
    expect(entries).toEqual([]);
  });

  it('puts a robot\'s case in "to assign" with the api channel', () => {
    const { case: c } = createCase(input(), ctx(robot()), identity);

    expect(c).toMatchObject({ assigneeId: null, channel: 'api', status: 'new' });
  });

  it('leaves the case unassigned when asked to', () => {
    const { case: c } = createCase(input({ assigneeId: null }), ctx(agent()), identity);

    expect(c.assigneeId).toBeNull();
  });

  it('records a delegation when created for another agent', () => {
    const { case: c } = createCase(input({ assigneeId: 'agent-ewa' }), ctx(agent('agent-ala')), identity);

    expect(c).toMatchObject({ assigneeId: 'agent-ewa', delegatedBy: 'agent-ala' });
  });

  it('reports every missing field at once', () => {
    const paths = validationPaths(() => createCase(CreateCaseInputSchema.parse({}), ctx(), identity));

    expect(paths).toEqual(['body.title', 'body.description', 'body.category', 'body.contacts.primaryContact', 'body.contacts.requester']);
  });

  it('checks category, type and SLA level against the tenant lists', () => {
    const strict = ctx(agent(), { settings: settings({ categories: ['billing'], types: ['question'], slaLevels: ['gold'] }) });

    const paths = validationPaths(() => createCase(input({ type: 'rant', slaLevel: 'tin' }), strict, identity));

    expect(paths).toEqual(['body.category', 'body.type', 'body.slaLevel']);
  });

  it('accepts a custom status that labels the resulting status', () => {
    const custom = ctx(agent(), { settings: settings({ customStatuses: [{ id: 'triage', label: 'Triage', systemStatus: 'new' }] }) });

    const { case: c } = createCase(input({ customStatusId: 'triage' }), custom, identity);

    expect(c.customStatusId).toBe('triage');
  });

  it('rejects a custom status for another system status', () => {
    const custom = ctx(agent(), { settings: settings({ customStatuses: [{ id: 'parked', label: 'Parked', systemStatus: 'waiting' }] }) });

    expect(validationPaths(() => createCase(input({ customStatusId: 'parked' }), custom, identity))).toEqual(['body.customStatusId']);
  });
});

describe('submit', () => {
  it('moves a complete draft to New with the description as the first entry', () => {
    const draft = aCase({ status: 'draft', assigneeId: 'agent-ala', entryCount: 0 });

    const { case: c, entries } = submit(draft, ctx(agent('agent-ala')));

    expect(c.status).toBe('new');
    expect(entries.map((e) => e.type)).toEqual(['description', 'field_change']);
  });

  it('names each missing field of a draft', () => {
    const draft = aCase({ status: 'draft', title: ' ', category: null, contacts: { primaryContact: null, requester: null } });

    expect(validationPaths(() => submit(draft, ctx()))).toEqual([
      'body.title', 'body.category', 'body.contacts.primaryContact', 'body.contacts.requester',
    ]);
  });
});
