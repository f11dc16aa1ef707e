import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectStore } from '../../../local/storage/object-store.ts';
import { createS3Endpoint } from '../../../local/storage/s3-endpoint.ts';

const Bucket = 'helpdesk-attachments';

async function listen(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createS3Endpoint(new ObjectStore(dir));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** As a function would build it for the local endpoint; checksums left at the SDK's defaults (aws-chunked uploads). */
function clientFor(endpoint: string): S3Client {
  return new S3Client({ endpoint, forcePathStyle: true, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** A request exactly as written, since fetch would resolve `..` segments before sending. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(`${url}/`, { path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the local S3 endpoint', () => {
  const root = mkdtempSync(join(tmpdir(), 's3-'));
  const dir = join(root, 's3');
  let endpoint: Awaited<ReturnType<typeof listen>>;
  let s3: S3Client;
  beforeAll(async () => {
    endpoint = await listen(dir);
    s3 = clientFor(endpoint.url);
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  afterAll(async () => {
    s3.destroy();
    await endpoint.close();
  });

  it('stores, describes and serves an object with its type, user metadata and MD5 ETag', async () => {
    const Body = 'Subject: hi\r\n\r\nHello';

    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'raw/a.eml', Body, ContentType: 'message/rfc822', Metadata: { mailbox: 'support' } }));

    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'raw/a.eml' }));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'raw/a.eml' }));
    expect(put.ETag).toBe(`"${createHash('md5').update(Body).digest('hex')}"`);
    expect(head).toMatchObject({ ContentType: 'message/rfc822', ContentLength: Body.length, ETag: put.ETag, Metadata: { mailbox: 'support' } });
    expect(head.LastModified).toBeInstanceOf(Date);
    expect(await got.Body?.transformToString()).toBe(Body);
  });

  it('deletes an object with 204, again for one already gone', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'gone.txt', Body: 'x' }));

    const first = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'gone.txt' }));
    const second = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'gone.txt' }));

    expect([first.$metadata.httpStatusCode, second.$metadata.httpStatusCode]).toEqual([204, 204]);
    await expect(s3.send(new HeadObjectCommand({ Bucket, Key: 'gone.txt' }))).rejects.toBeInstanceOf(NotFound);
  });

  it('copies an object, Polish key and all, with its type and metadata; a missing source is NoSuchKey', async () => {
    const from = 'uploads/faktura październik.pdf';
    await s3.send(new PutObjectCommand({ Bucket, Key: from, Body: '%PDF-1.7', ContentType: 'application/pdf', Metadata: { origin: 'form' } }));

    const copy = await s3.send(new CopyObjectCommand({ Bucket, Key: 'intake/kept.pdf', CopySource: `${Bucket}/${encodeURIComponent(from)}` }));

    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'intake/kept.pdf' }));
    expect(copy.CopyObjectResult?.ETag).toBe(`"${createHash('md5').update('%PDF-1.7').digest('hex')}"`);
    expect(got).toMatchObject({ ContentType: 'application/pdf', Metadata: { origin: 'form' } });
    expect(await got.Body?.transformToString()).toBe('%PDF-1.7');
    await expect(s3.send(new CopyObjectCommand({ Bucket, Key: 'intake/none', CopySource: `${Bucket}/uploads/none` }))).rejects.toBeInstanceOf(NoSuchKey);
  });

  it('takes a 5 MB streamed upload (aws-chunked with a checksum trailer) and serves the same bytes', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024, 'helpdesk ');
    bytes.write('the end', bytes.length - 7);
    const Body = Readable.from([bytes.subarray(0, 3_000_000), bytes.subarray(3_000_000)]);

    await s3.send(new PutObjectCommand({ Bucket, Key: 'big.bin', Body, ContentLength: bytes.length }));

    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'big.bin' }));
    expect(got.ContentLength).toBe(bytes.length);
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });

  it('round-trips a key with slashes, spaces and Polish letters', async () => {
    const Key = 'załączniki/2026/Zażółć gęślą jaźń – faktura nr 7.pdf';

    await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'pdf' }));

    const listed = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'załączniki/' }));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([Key]);
    expect(await got.Body?.transformToString()).toBe('pdf');
  });

  it('round-trips a key longer than a file name may be, and tells it from one that shares its start', async () => {
    const Key = `long/${'ą'.repeat(400)}`;

    await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'long' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: `${Key}b`, Body: 'longer' }));

    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body?.transformToString()).toBe('long');
  });

  it('lists by prefix in pages of max-keys, in key order', async () => {
    for (const n of [3, 1, 5, 2, 4]) await s3.send(new PutObjectCommand({ Bucket, Key: `list/${n}.txt`, Body: String(n) }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'listing-elsewhere.txt', Body: 'x' }));

    const pages: (string | undefined)[][] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'list/', MaxKeys: 2, ContinuationToken }));
      pages.push(page.Contents?.map((o) => o.Key) ?? []);
      ContinuationToken = page.NextContinuationToken;
    } while (ContinuationToken);

    expect(pages).toEqual([['list/1.txt', 'list/2.txt'], ['list/3.txt', 'list/4.txt'], ['list/5.txt']]);
  });

  it('answers a Range request with 206 and just those bytes', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'range.txt', Body: '0123456789' }));

    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'range.txt', Range: 'bytes=2-5' }));

    expect(got.$metadata.httpStatusCode).toBe(206);
    expect(got.ContentRange).toBe('bytes 2-5/10');
    expect(await got.Body?.transformToString()).toBe('2345');
  });

  it('makes the SDK raise NoSuchKey for a missing object', async () => {
    const missing = s3.send(new GetObjectCommand({ Bucket, Key: 'nope' }));

    await expect(missing).rejects.toBeInstanceOf(NoSuchKey);
  });

  it('serves a presigned GET URL to a plain fetch from any origin', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'shared/faktura.pdf', Body: 'pdf bytes', ContentType: 'application/pdf' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket, Key: 'shared/faktura.pdf' }), { expiresIn: 300 });

    const response = await fetch(url, { headers: { origin: 'http://localhost:5173' } });
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toBe('pdf bytes');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('keeps keys with .. segments inside the bucket folder and refuses paths that climb out', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: '../../escaped.txt', Body: 'inside' }));

    const got = await s3.send(new GetObjectCommand({ Bucket, Key: '../../escaped.txt' }));
    const outOfBucket = await rawGet(endpoint.url, `/${Bucket}/../../../../../etc/passwd`);
    const outOfStore = await rawGet(endpoint.url, '/../../etc/passwd');
    expect(await got.Body?.transformToString()).toBe('inside');
    expect(readdirSync(root)).toEqual(['s3']);
    expect(existsSync(join(dir, 'escaped.txt'))).toBe(false);
    expect(outOfBucket.status).toBe(404);
    expect(outOfStore.status).toBe(400);
    expect(outOfBucket.body + outOfStore.body).not.toContain('root:');
  });

  it('serves what it stored from an endpoint started again on the same folder (a restart)', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'kept/raw.eml', Body: 'kept', ContentType: 'message/rfc822' }));

    const restarted = await listen(dir);
    const again = clientFor(restarted.url);
    try {
      const got = await again.send(new GetObjectCommand({ Bucket, Key: 'kept/raw.eml' }));

      expect(got.ContentType).toBe('message/rfc822');
      expect(await got.Body?.transformToString()).toBe('kept');
    } finally {
      again.destroy();
      await restarted.close();
    }
  });
});
