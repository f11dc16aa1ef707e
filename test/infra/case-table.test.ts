import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { caseTable } from '../../functions/store/table-definition.ts';
import { HelpdeskStack } from '../../lib/helpdesk-stack.ts';
import { loadTenantConfig } from '../../lib/tenant-config.ts';

describe('CaseTable', () => {
  let template: Template;

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    template = Template.fromStack(new HelpdeskStack(app, 'Helpdesk-demo', { config: loadTenantConfig(app) }));
  });

  it('is the only table, kept when the stack or the resource goes', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('has the key schema and TTL attribute of caseTable, billed on demand', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: caseTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: caseTable.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: caseTable.timeToLiveAttribute, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('streams the old and new image of every change, as caseTable says', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: caseTable.stream },
    });
  });

  it('has exactly the GSIs of caseTable, each projecting all attributes', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'));

    const indexes = table?.Properties.GlobalSecondaryIndexes;

    expect(indexes).toEqual(
      caseTable.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('has point-in-time recovery and deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });
});
