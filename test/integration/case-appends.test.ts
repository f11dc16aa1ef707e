import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import type { Case } from '../../functions/domain/case.ts';
import { addNote } from '../../functions/domain/conversation.ts';
import { updateFields } from '../../functions/domain/fields.ts';
import { NotFoundError } from '../../functions/domain/errors.ts';
import type { Append, Outcome } from '../../functions/domain/mutation.ts';
import { createDocumentClient } from '../../functions/store/client.ts';
import { CaseStore } from '../../functions/store/case-store.ts';
import { keys } from '../../functions/store/keys.ts';
import { ctx, settings } from '../fixtures/cases.ts';
import { api, newCase } from './api-client.ts';

// The append path against the real engine: its UpdateExpression leans on DynamoDB evaluating
// every operand on the item as it was before the update.
const client = createDocumentClient(
  new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
);
const store = new CaseStore(client, inject('tableName'));

/** A case the agent has started on: In Progress, with a note of theirs on it. */
async function caseInWork(): Promise<Case> {
  const { id } = await newCase();
  const started = await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'Started' } });
  expect(started.status).toBe(200);
  return store.getCase(id);
}

const note = (c: Case, text: string, now = new Date().toISOString()): Outcome & { append: Append } => {
  const outcome = addNote(c, ctx({ kind: 'agent', id: c.assigneeId!, name: 'Agent' }, { now, settings: settings() }), { text });
  if (!outcome.append) throw new Error('expected a note on a case in work to be an append');
  return { ...outcome, append: outcome.append };
};

const rawItem = async (caseId: string) =>
  (await client.send(new GetCommand({ TableName: inject('tableName'), Key: keys.case(caseId), ConsistentRead: true }))).Item!;

describe('appending to a case', () => {
  it('lands two notes decided on the same version one after the other, each counted', async () => {
    const c = await caseInWork();

    const first = await store.appendToCase(note(c, 'first'), c.version);
    const second = await store.appendToCase(note(c, 'second'), c.version);

    expect(first.entries.map((e) => e.seq)).toEqual([c.entryCount + 1]);
    expect(second.entries.map((e) => e.seq)).toEqual([c.entryCount + 2]);
    const stored = await store.getCase(c.id);
    expect(stored).toMatchObject({ entryCount: c.entryCount + 2, version: c.version + 2, lastAgentEntry: { seq: c.entryCount + 2 } });
    expect(second.case).toEqual(stored);
    const page = await store.timelinePage(c.id, { limit: 100, order: 'oldest_first', upTo: stored.entryCount });
    expect(page.items.slice(-2).map((e) => [e.seq, e.type === 'note' && e.text])).toEqual([
      [c.entryCount + 1, 'first'],
      [c.entryCount + 2, 'second'],
    ]);
  });

  it('moves the case up its agent\'s queue, as any activity does', async () => {
    const c = await caseInWork();
    const later = new Date(Date.parse(c.lastActivityAt) + 60_000).toISOString();

    await store.appendToCase(note(c, 'later', later), c.version);

    expect((await rawItem(c.id)).gsi1sk).toBe(`${later}#${c.id}`);
  });

  it('refuses an append decided before a full write, leaving the case as that write left it', async () => {
    const c = await caseInWork();
    const changed = updateFields(c, ctx({ kind: 'agent', id: c.assigneeId!, name: 'Agent' }), { priority: 'urgent' });
    await store.saveCase(changed, c.version);

    const appending = store.appendToCase(note(c, 'decided on the old case'), c.version);

    await expect(appending).rejects.toMatchObject({ code: 'version_conflict' });
    expect(await store.getCase(c.id)).toEqual(changed.case);
  });

  it('makes a full write decided before an append lose, as any other race', async () => {
    const c = await caseInWork();
    const changed = updateFields(c, ctx({ kind: 'agent', id: c.assigneeId!, name: 'Agent' }), { priority: 'urgent' });
    await store.appendToCase(note(c, 'landed first'), c.version);

    await expect(store.saveCase(changed, c.version)).rejects.toMatchObject({ code: 'version_conflict' });
  });

  it('holds the timeline limit against appends that landed meanwhile', async () => {
    const c = await caseInWork();
    const full = note(c, 'one too many');

    const appending = store.appendToCase({ ...full, append: { maxEntriesBefore: c.entryCount - 1 } }, c.version);

    await expect(appending).rejects.toMatchObject({ code: 'version_conflict' });
    expect((await store.getCase(c.id)).entryCount).toBe(c.entryCount);
  });

  it('reports a case that is not there', async () => {
    const c = await caseInWork();
    const elsewhere = note({ ...c, id: crypto.randomUUID() }, 'to nowhere');

    await expect(store.appendToCase(elsewhere, c.version)).rejects.toBeInstanceOf(NotFoundError);
  });
});
