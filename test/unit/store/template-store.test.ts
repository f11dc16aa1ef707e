import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../functions/domain/errors.ts';
import type { StoredTemplate, Template } from '../../../functions/domain/templates.ts';
import { TemplateStore } from '../../../functions/store/template-store.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const store = new TemplateStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })), 'cases');

const ack: Template = {
  id: 'ack', kind: 'notification', language: 'en', purpose: 'acknowledgement', name: 'Ack', subject: 'Got it', body: 'Thanks.',
};
const storedItem = (template: StoredTemplate) => {
  const { kind, ...rest } = template;
  return { pk: 'TEMPLATES', sk: `TEMPLATE#${template.id}`, kind: 'template', templateKind: kind, ...rest };
};

const cancelled = (...reasons: { Code: string; Item?: Record<string, unknown> }[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: reasons.map((r) => ({ Code: r.Code, ...(r.Item ? { Item: marshall(r.Item) } : {}) })),
  });

const transactItems = () => ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

beforeEach(() => ddb.reset());

describe('TemplateStore.put', () => {
  it('creates the template in the templates partition, its own kind apart from the item kind, and claims its purpose', async () => {
    ddb.on(TransactWriteCommand).resolves({});

    const saved = await store.put(ack, null);

    expect(saved).toEqual({ ...ack, version: 1 });
    expect(transactItems()).toEqual([
      { Put: expect.objectContaining({ Item: storedItem(saved), ConditionExpression: 'attribute_not_exists(pk)' }) },
      {
        Put: expect.objectContaining({
          Item: { pk: 'TEMPLATE_PURPOSE#acknowledgement#en', sk: 'ALIAS', kind: 'template-purpose', templateId: 'ack' },
          ConditionExpression: 'attribute_not_exists(pk) OR templateId = :id',
        }),
      },
    ]);
  });

  it('moves the purpose alias when the language changes, conditional on the version read', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem({ ...ack, version: 3 }) });
    ddb.on(TransactWriteCommand).resolves({});

    await store.put({ ...ack, language: 'pl' }, 3);

    expect(transactItems()).toEqual([
      { Put: expect.objectContaining({ ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': 3 } }) },
      { Put: expect.objectContaining({ Item: expect.objectContaining({ pk: 'TEMPLATE_PURPOSE#acknowledgement#pl' }) }) },
      {
        Delete: expect.objectContaining({
          Key: { pk: 'TEMPLATE_PURPOSE#acknowledgement#en', sk: 'ALIAS' },
          ConditionExpression: 'templateId = :id',
          ExpressionAttributeValues: { ':id': 'ack' },
        }),
      },
    ]);
  });

  it('refuses a create over an existing template', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: { version: 2 } }, { Code: 'None' }));

    await expect(store.put(ack, null)).rejects.toMatchObject({ code: 'template_exists' });
  });

  it('turns a stale update into a conflict naming both versions', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem({ ...ack, version: 3 }) });
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: { version: 7 } }, { Code: 'None' }));

    const saving = store.put(ack, 3);

    await expect(saving).rejects.toBeInstanceOf(ConflictError);
    await expect(saving).rejects.toThrow(/version 7, not 3/);
  });

  it('reports an update of a template deleted since it was read as not found', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem({ ...ack, version: 3 }) });
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed' }, { Code: 'None' }));

    await expect(store.put(ack, 3)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports an update of a template that does not exist as not found, writing nothing', async () => {
    ddb.on(GetCommand).resolves({});

    await expect(store.put(ack, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses a purpose another template holds, naming it', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: { templateId: 'older-ack' } }));

    const saving = store.put(ack, null);

    await expect(saving).rejects.toMatchObject({ code: 'template_purpose_taken' });
    await expect(saving).rejects.toThrow(/older-ack/);
  });
});

describe('TemplateStore.delete', () => {
  it('deletes the template at the version read when no version is given, with its purpose alias', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem({ ...ack, version: 4 }) });
    ddb.on(TransactWriteCommand).resolves({});

    const deleted = await store.delete('ack', null);

    expect(deleted).toEqual({ ...ack, version: 4 });
    expect(transactItems()).toEqual([
      { Delete: expect.objectContaining({ Key: { pk: 'TEMPLATES', sk: 'TEMPLATE#ack' }, ExpressionAttributeValues: { ':expected': 4 } }) },
      { Delete: expect.objectContaining({ Key: { pk: 'TEMPLATE_PURPOSE#acknowledgement#en', sk: 'ALIAS' } }) },
    ]);
  });

  it('turns a failed version condition into a conflict', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem({ ...ack, version: 4 }) });
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed' }, { Code: 'None' }));

    await expect(store.delete('ack', 2)).rejects.toMatchObject({ code: 'version_conflict' });
  });
});

describe('TemplateStore.forPurpose', () => {
  it('is null when the tenant has no template for the purpose, reading only the alias', async () => {
    ddb.on(GetCommand).resolves({});

    expect(await store.forPurpose('reply_notification', 'pl')).toBeNull();
    expect(ddb.commandCalls(GetCommand).map((c) => c.args[0].input.Key)).toEqual([{ pk: 'TEMPLATE_PURPOSE#reply_notification#pl', sk: 'ALIAS' }]);
  });

  it('is null when the template went between reading the alias and reading it', async () => {
    ddb.on(GetCommand, { Key: { pk: 'TEMPLATE_PURPOSE#acknowledgement#en', sk: 'ALIAS' } }).resolves({ Item: { templateId: 'ack' } });
    ddb.on(GetCommand, { Key: { pk: 'TEMPLATES', sk: 'TEMPLATE#ack' } }).resolves({});

    expect(await store.forPurpose('acknowledgement', 'en')).toBeNull();
  });
});

describe('TemplateStore.list', () => {
  it('refuses a cursor from another listing before querying', async () => {
    const cursor = Buffer.from(JSON.stringify({ s: 'templates', k: { pk: 'CASE#1', sk: 'CASE' } })).toString('base64url');

    await expect(store.list({ limit: 10, cursor })).rejects.toBeInstanceOf(ValidationError);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
