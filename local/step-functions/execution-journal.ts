import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  /** When the Wait state ends, in epoch ms (the due time, scaled by the runner's time scale). */
  wakeAt: number;
  output?: string;
  error?: string;
  cause?: string;
  /** State transitions so far, counted as Step Functions bills them. */
  transitions: number;
}

/**
 * Every execution the local runner knows, kept in a JSON file when the helpdesk has a data folder:
 * after a restart, RUNNING executions are resumed and finished ones still answer
 * ExecutionAlreadyExists, as in the cloud.
 */
export class ExecutionJournal {
  private readonly records = new Map<string, ExecutionRecord>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      for (const record of JSON.parse(readFileSync(file, 'utf8')) as ExecutionRecord[]) this.records.set(record.executionArn, record);
    }
  }

  get(executionArn: string): ExecutionRecord | undefined {
    return this.records.get(executionArn);
  }

  all(): ExecutionRecord[] {
    return [...this.records.values()];
  }

  put(record: ExecutionRecord): void {
    this.records.set(record.executionArn, record);
    this.save();
  }

  update(executionArn: string, change: Partial<ExecutionRecord>): void {
    const record = this.records.get(executionArn);
    if (!record) return;
    this.records.set(executionArn, { ...record, ...change });
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a journal.
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.all()));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
