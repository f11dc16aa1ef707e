import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { caseTable } from '../functions/store/table-definition.ts';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/** The one table, mapped from `caseTable` so CDK and DynamoDB Local share a key design. */
export class CaseTable extends Construct {
  public readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.table = new TableV2(this, 'Table', {
      partitionKey: stringKey(caseTable.partitionKey),
      sortKey: stringKey(caseTable.sortKey),
      timeToLiveAttribute: caseTable.timeToLiveAttribute,
      dynamoStream: StreamViewType[caseTable.stream],
      globalSecondaryIndexes: caseTable.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      billing: Billing.onDemand(),
      // The AWS-owned key costs nothing per request, unlike a KMS key.
      encryption: TableEncryptionV2.dynamoOwnedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Cases are the customer's record: neither a stack deletion nor a console click may drop them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
