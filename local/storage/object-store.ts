import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What S3 keeps about an object besides its bytes. */
export interface StoredObject {
  key: string;
  size: number;
  /** MD5 hex in quotes, as S3 gives it for a single-part upload. */
  etag: string;
  lastModified: string;
  contentType: string;
  /** content-disposition, content-encoding, cache-control, content-language, as sent. */
  headers: Record<string, string>;
  /** `x-amz-meta-*` headers without the prefix. */
  metadata: Record<string, string>;
}

/** File names stay under the usual 255-byte limit; longer keys end in a hash. */
const MAX_NAME = 200;

/** The bytes kept as they are in a file name; every other one is percent-encoded. */
const SAFE: Record<number, string> = Object.fromEntries(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-'].map((c) => [c.charCodeAt(0), c]),
);

/**
 * Objects on disk: `<dir>/<bucket>/<name>.body` and `<name>.json`, where the name is the key with every
 * byte outside `[A-Za-z0-9._-]` percent-encoded. Slashes are encoded too, so a key is one file name and
 * never a path: `..` segments cannot reach outside the bucket folder.
 */
export class ObjectStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** The caller checks the name against S3's bucket naming rules, which leave no room for `..` or `/`. */
  createBucket(bucket: string): void {
    mkdirSync(join(this.dir, bucket), { recursive: true });
  }

  hasBucket(bucket: string): boolean {
    return existsSync(join(this.dir, bucket));
  }

  put(bucket: string, key: string, body: Buffer, meta: Pick<StoredObject, 'contentType' | 'headers' | 'metadata'>, now = new Date()): StoredObject {
    const record: StoredObject = {
      key,
      size: body.length,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: now.toISOString(),
      ...meta,
    };
    const path = this.pathOf(bucket, key);
    // Renamed into place, body first: a reader never sees a half-written file, and the metadata,
    // which listing reads, appears only once its body is there.
    writeFileSync(`${path}.body.tmp`, body);
    renameSync(`${path}.body.tmp`, `${path}.body`);
    writeFileSync(`${path}.json.tmp`, JSON.stringify(record, null, 2));
    renameSync(`${path}.json.tmp`, `${path}.json`);
    return record;
  }

  head(bucket: string, key: string): StoredObject | undefined {
    const file = `${this.pathOf(bucket, key)}.json`;
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredObject) : undefined;
  }

  bodyFile(bucket: string, key: string): string {
    return `${this.pathOf(bucket, key)}.body`;
  }

  delete(bucket: string, key: string): void {
    const path = this.pathOf(bucket, key);
    rmSync(`${path}.json`, { force: true });
    rmSync(`${path}.body`, { force: true });
  }

  /** Every object in the bucket, in S3's order (UTF-8 bytes of the key). */
  list(bucket: string): StoredObject[] {
    return readdirSync(join(this.dir, bucket))
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(this.dir, bucket, name), 'utf8')) as StoredObject)
      .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  }

  private pathOf(bucket: string, key: string): string {
    const name = [...Buffer.from(key)].map((byte) => SAFE[byte] ?? `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    // `~` is always encoded above, so a shortened name never equals a whole one.
    const safe = name.length <= MAX_NAME ? name : `${name.slice(0, 100)}~${createHash('sha256').update(key).digest('hex')}`;
    return join(this.dir, bucket, safe);
  }
}
