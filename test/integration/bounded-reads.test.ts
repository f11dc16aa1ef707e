import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { MAX_TIMELINE_ENTRIES } from '../../functions/domain/mutation.ts';
import { api, newCase } from './api-client.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function readWholeTimeline(id: string, firstCursor: string | null): Promise<any[]> {
  const older: any[] = [];
  for (let cursor = firstCursor; cursor; ) {
    const page = await api('agent', 'GET', `/cases/${id}/timeline?cursor=${cursor}`);
    expect(page.status).toBe(200);
    older.push(...page.body.items);
    cursor = page.body.nextCursor;
  }
  return older;
}

describe('reading a large case', () => {
  it('returns the newest entries within about 1 MB and pages back through the rest, each entry once', async () => {
    const { id } = await newCase();
    const big = 'x'.repeat(100_000);
    for (let i = 0; i < 70; i++) {
      const { status } = await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: `${i} ${big}`.slice(0, 100_000) } });
      expect(status).toBe(200);
    }

    const response = await fetch(`${inject('apiUrl')}/cases/${id}`, { headers: { authorization: `Bearer ${inject('tokens').agent}` } });
    const size = Number((await response.clone().arrayBuffer()).byteLength);
    const view = (await response.json()) as { timeline: any[]; timelineCursor: string | null };
    const older = await readWholeTimeline(id, view.timelineCursor);

    expect(size).toBeLessThan(1_500_000);
    expect(view.timelineCursor).not.toBeNull();
    const whole = [...older.reverse(), ...view.timeline];
    expect(whole.map((e: any) => e.seq)).toEqual(whole.map((_, i) => i + 1));
    expect(whole.filter((e: any) => e.type === 'note')).toHaveLength(70);
  });

  it('has no cursor when the timeline fits the first answer', async () => {
    const { id } = await newCase();

    const { body } = await api('agent', 'GET', `/cases/${id}`);

    expect(body.timelineCursor).toBeNull();
    expect(body.timeline[0]).toMatchObject({ seq: 1, type: 'description' });
  });

  it('pages oldest first on request, and refuses a cursor made for the other direction', async () => {
    const { id } = await newCase();
    for (const text of ['a', 'b', 'c']) await api('agent', 'POST', `/cases/${id}/notes`, { body: { text } });
    const total = (await api('agent', 'GET', `/cases/${id}`)).body.timeline.length;

    const seqs: number[] = [];
    let firstCursor: string | undefined;
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { body: any } = await api('agent', 'GET', `/cases/${id}/timeline?order=oldest_first&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seqs.push(...page.body.items.map((e: any) => e.seq));
      cursor = page.body.nextCursor;
      firstCursor ??= cursor ?? undefined;
    }
    const wrongWay = await api('agent', 'GET', `/cases/${id}/timeline?cursor=${firstCursor}`);

    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect([wrongWay.status, wrongWay.body.error.issues[0].path]).toEqual([400, 'query.cursor']);
  });

  it.each(['EV#99999999', 'EV#00000000'])('refuses a forged timeline cursor past either end (%s)', async (sk) => {
    const { id } = await newCase();
    const forged = b64({ s: `timeline:CASE#${id}:newest_first`, k: { pk: `CASE#${id}`, sk } });

    const response = await api('agent', 'GET', `/cases/${id}/timeline?cursor=${forged}`);

    expect([response.status, response.body.error.issues[0].path]).toEqual([400, 'query.cursor']);
  });

  it('answers 404 for the timeline of an unknown case', async () => {
    const response = await api('agent', 'GET', '/cases/00000000-0000-4000-8000-000000000000/timeline');

    expect(response.status).toBe(404);
  });
});

describe('cursors edited by hand', () => {
  it.each([
    ['an empty key (the cursor that was a 500)', 'eyJzIjoiZ3NpMTpRVUVVRSN0by1hc3NpZ24iLCJrIjp7fX0'],
    ['a key of another partition', b64({ s: 'gsi1:QUEUE#to-assign', k: { pk: 'CASE#x', sk: 'CASE', gsi1pk: 'QUEUE#archive', gsi1sk: 'x' } })],
    ['a key with a number in it', b64({ s: 'gsi1:QUEUE#to-assign', k: { pk: 'CASE#x', sk: 'CASE', gsi1pk: 'QUEUE#to-assign', gsi1sk: 1 } })],
  ])('answer 400 on query.cursor for %s', async (_why, cursor) => {
    const response = await api('agent', 'GET', `/queues/to-assign?cursor=${cursor}`);

    expect([response.status, response.body.error.issues[0].path]).toEqual([400, 'query.cursor']);
  });
});

describe('a case at its entry limit', () => {
  it('refuses another note with 409 case_full, and can still be closed', async () => {
    const { id } = await newCase();
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
    await client.send(
      new UpdateCommand({
        TableName: inject('tableName'),
        Key: { pk: `CASE#${id}`, sk: 'CASE' },
        UpdateExpression: 'SET entryCount = :full',
        ExpressionAttributeValues: { ':full': MAX_TIMELINE_ENTRIES },
      }),
    );

    const note = await api('agent', 'POST', `/cases/${id}/notes`, { body: { text: 'one too many' } });
    const closed = await api('agent', 'POST', `/cases/${id}/close`, { body: { method: 'replied_to_customer' } });

    expect([note.status, note.body.error.code]).toEqual([409, 'case_full']);
    expect([closed.status, closed.body.case.status]).toEqual([200, 'closed']);
  });
});
