import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { caseTable } from '../../functions/store/table-definition.ts';
import { createTableInput, ensureTable } from '../../local/create-table.ts';

const client = new DynamoDBClient({
  endpoint: inject('dynamoDbEndpoint'),
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
afterAll(() => client.destroy());

const indexNames = async (tableName: string) =>
  ((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();

describe('the local table', () => {
  it('gets the indexes added since a data folder was made, as a deploy adds them', async () => {
    const tableName = `older-${Date.now()}`;
    const current = createTableInput(tableName);
    const older = current.GlobalSecondaryIndexes!.slice(0, 3);
    const olderAttributes = new Set(['pk', 'sk', ...older.flatMap((index) => index.KeySchema!.map((key) => key.AttributeName!))]);
    await client.send(
      new CreateTableCommand({
        ...current,
        GlobalSecondaryIndexes: older,
        AttributeDefinitions: current.AttributeDefinitions!.filter((a) => olderAttributes.has(a.AttributeName!)),
      }),
    );

    const result = await ensureTable(client, tableName);
    const again = await ensureTable(client, tableName);

    expect([result, again]).toEqual(['updated', 'existing']);
    expect(await indexNames(tableName)).toEqual(caseTable.indexes.map((index) => index.name).sort());
  });
});
