import { describe, expect, it } from 'vitest';
import { api, newCase } from './api-client.ts';

describe('a case found by its number', () => {
  it('is the one case with that number, for any staff member', async () => {
    const created = await newCase('agent2');
    const other = await newCase('agent2');

    const found = await api('agent', 'GET', `/cases?number=${created.number}`);

    expect(found.status).toBe(200);
    expect(found.body.items.map((c: { id: string; number: number }) => [c.id, c.number])).toEqual([[created.id, created.number]]);
    expect(found.body.items[0].id).not.toBe(other.id);
  });

  it('answers an empty list for a number no case has, and 400 for what is not a number', async () => {
    const unknown = await api('agent', 'GET', '/cases?number=987654321');
    const malformed = await api('agent', 'GET', '/cases?number=%231042');
    const missing = await api('agent', 'GET', '/cases');

    expect([unknown.status, unknown.body.items]).toEqual([200, []]);
    expect(malformed.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('query.number');
  });
});
