import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { caseTable } from '../functions/store/table-definition.ts';

/** The CreateTable request for the same definition CDK deploys. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>([caseTable.partitionKey, caseTable.sortKey]);
  for (const index of caseTable.indexes) attributes.add(index.partitionKey).add(index.sortKey);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: caseTable.stream },
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: caseTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: caseTable.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: caseTable.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * Creates the table unless it exists (a restart with a data folder keeps it). An existing table
 * gets the indexes added since it was created, as a CDK deploy would add them.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing' | 'updated'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    const missing = createTableInput(tableName).GlobalSecondaryIndexes!.filter((index) => !existing.has(index.IndexName));
    // DynamoDB adds one index per UpdateTable request.
    for (const index of missing) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: index.KeySchema!.map((key) => ({ AttributeName: key.AttributeName!, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
    return missing.length > 0 ? 'updated' : 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: caseTable.timeToLiveAttribute, Enabled: true },
    }),
  );
  return 'created';
}
