import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What SES was asked to send, besides the raw message itself. */
export interface OutboxEnvelope {
  messageId: string;
  from: string | null;
  /** The recipients the caller named; for a raw message without them, the message's own headers decide. */
  to: string[];
  configurationSet: string | null;
  sentAt: string;
  size: number;
}

const MESSAGE_ID = /^[0-9a-f-]{20,60}$/;

/**
 * Where the local SES puts what it sends: `<id>.eml` (the raw message, as a mail client would open
 * it) and `<id>.json` (its envelope) in one folder, so sent mail survives a restart like the rest.
 */
export class Outbox {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  add(raw: Buffer, envelope: Omit<OutboxEnvelope, 'messageId' | 'sentAt' | 'size'>, now = new Date()): OutboxEnvelope {
    // Sortable by time like SES's own ids, unique like a UUID.
    const messageId = `${now.getTime().toString(16).padStart(12, '0')}-${randomUUID()}`;
    const record: OutboxEnvelope = { messageId, ...envelope, sentAt: now.toISOString(), size: raw.length };
    writeFileSync(join(this.dir, `${messageId}.eml`), raw);
    writeFileSync(join(this.dir, `${messageId}.json`), JSON.stringify(record, null, 2));
    return record;
  }

  /** Every message sent, oldest first. */
  list(): OutboxEnvelope[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as OutboxEnvelope);
  }

  /** The raw message, or undefined for an id this outbox never issued. */
  raw(messageId: string): Buffer | undefined {
    if (!MESSAGE_ID.test(messageId)) return undefined;
    const file = join(this.dir, `${messageId}.eml`);
    return existsSync(file) ? readFileSync(file) : undefined;
  }
}
