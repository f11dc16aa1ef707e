/**
 * The one DynamoDB table, as plain data: `lib/case-table.ts` maps it onto CDK, `local/` onto a
 * CreateTable call for DynamoDB Local. The key design is in docs/data-model.md.
 */
export const caseTable = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  /** Case changes drive the timers: the stream is how an armed or cancelled timer reaches Step Functions. */
  stream: 'NEW_AND_OLD_IMAGES',
  indexes: [
    /** Work queues: to assign, my cases, owned work (waiting), archive; an agent's recently accessed. */
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Cases an agent delegated to someone else. */
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** A customer's cases. */
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** Cases with a pending timer, by due time: how the reconciler finds a timer that never fired. */
    { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
} as const;

export type IndexName = (typeof caseTable.indexes)[number]['name'];
