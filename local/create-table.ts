import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
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

/** Creates the table unless it exists (a restart with a data folder keeps it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existing';
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
