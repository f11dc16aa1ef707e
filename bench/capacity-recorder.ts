import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type RequestKind = 'read' | 'write' | 'other';

/** One DynamoDB request as the SDK sent it, with what DynamoDB says it cost. */
export interface RequestRecord {
  /** API operation name without the `Command` suffix, e.g. `TransactWriteItems`. */
  command: string;
  kind: RequestKind;
  readUnits: number;
  writeUnits: number;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
/** Operations whose input accepts `ReturnConsumedCapacity`; sending it to others is a validation error. */
const REPORTS_CAPACITY = new Set([...READS, ...WRITES, 'ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction']);

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Records every request a DynamoDBClient sends. It lives in the client's middleware stack,
 * which a DynamoDBDocumentClient built over the client shares, so the store code under test
 * runs unchanged and still gets counted.
 */
export class CapacityRecorder {
  private records: RequestRecord[] = [];

  attachTo(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        // A copy, so the command object the store built is left as it was.
        const input = REPORTS_CAPACITY.has(command) ? { ...(args.input as object), ReturnConsumedCapacity: 'TOTAL' } : args.input;
        const result = await next({ ...args, input });
        this.records.push(toRecord(command, (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity));
        return result;
      },
      { step: 'initialize', name: 'benchCapacityRecorder' },
    );
  }

  /** The requests recorded since the last call, oldest first. */
  take(): RequestRecord[] {
    const taken = this.records;
    this.records = [];
    return taken;
  }
}

function toRecord(command: string, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): RequestRecord {
  const kind: RequestKind = READS.has(command) ? 'read' : WRITES.has(command) ? 'write' : 'other';
  let readUnits = 0;
  let writeUnits = 0;
  for (const entry of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    // With TOTAL, DynamoDB reports only CapacityUnits; the operation says which kind they are.
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      readUnits += entry.ReadCapacityUnits ?? 0;
      writeUnits += entry.WriteCapacityUnits ?? 0;
    } else if (kind === 'write') {
      writeUnits += entry.CapacityUnits ?? 0;
    } else {
      readUnits += entry.CapacityUnits ?? 0;
    }
  }
  return { command, kind, readUnits, writeUnits };
}
