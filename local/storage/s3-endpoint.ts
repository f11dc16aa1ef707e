import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { ObjectStore, StoredObject } from './object-store.ts';

/** S3's bucket naming rule; it also keeps `..`, `/` and empty names out of the store's paths. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const KEPT_HEADERS = ['content-disposition', 'content-encoding', 'cache-control', 'content-language'];

/**
 * The S3 REST API, path-style (`/<bucket>/<key>`), for what the functions call: Put/Get/Head/Copy/DeleteObject,
 * ListObjectsV2, CreateBucket, HeadBucket. `@aws-sdk/client-s3` and presigned URLs run against it
 * unchanged, found through AWS_ENDPOINT_URL_S3. SDK v3 reads no environment variable for path style
 * (`AWS_S3_FORCE_PATH_STYLE` is not one), so a client for the local endpoint sets the option:
 * `new S3Client({ forcePathStyle: true })` whenever AWS_ENDPOINT_URL_S3 is set (read in the function's
 * config; Lambda never sets it). The SDK happens to go path-style for an IP host like 127.0.0.1 anyway,
 * but `localhost` would become `<bucket>.localhost`.
 *
 * Signatures, including those of presigned URLs, are not checked locally; S3 checks them in the cloud.
 * Any origin may call it (CORS), as a browser uploads and downloads through presigned URLs.
 */
export function createS3Endpoint(store: ObjectStore): Server {
  return createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-expose-headers', 'etag, content-length, content-range, x-amz-request-id, x-amz-version-id');
    void handle(store, request, response).catch((error: unknown) => {
      fail(response, 500, 'InternalError', String(error));
    });
  });
}

async function handle(store: ObjectStore, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') return preflight(request, response);
  const target = parseTarget(request.url ?? '/');
  if (!target) return fail(response, 400, 'InvalidURI', 'Could not parse the specified URI.');
  const { bucket, key, query } = target;
  if (!bucket) return fail(response, 501, 'NotImplemented', 'ListBuckets is not served locally.');
  if (!BUCKET_NAME.test(bucket)) return fail(response, 400, 'InvalidBucketName', 'The specified bucket is not valid.');
  if (key === undefined && method === 'PUT') {
    await readBody(request); // the CreateBucketConfiguration names a region; there is only one here
    store.createBucket(bucket);
    response.writeHead(200, { location: `/${bucket}` });
    return void response.end();
  }
  if (!store.hasBucket(bucket)) return fail(response, 404, 'NoSuchBucket', 'The specified bucket does not exist.');
  if (key === undefined) {
    if (method === 'HEAD') return void response.writeHead(200).end();
    if (method === 'GET' && query.get('list-type') === '2') return listObjects(store, bucket, query, response);
    return fail(response, 501, 'NotImplemented', `${method} on a bucket is not served locally.`);
  }
  if (method === 'PUT') {
    const copySource = request.headers['x-amz-copy-source'];
    if (typeof copySource === 'string') return copyObject(store, copySource, { bucket, key }, request, response);
    const stored = store.put(bucket, key, decodeBody(request, await readBody(request)), metaOf(request));
    response.writeHead(200, { etag: stored.etag });
    return void response.end();
  }
  if (method === 'DELETE') {
    store.delete(bucket, key);
    return void response.writeHead(204).end();
  }
  if (method === 'GET' || method === 'HEAD') return getObject(store, bucket, key, request, query, response);
  fail(response, 405, 'MethodNotAllowed', `${method} is not allowed on an object.`);
}

/** CopyObject with the source's type and metadata (S3's default `MetadataDirective: COPY`). */
async function copyObject(store: ObjectStore, source: string, target: { bucket: string; key: string }, request: IncomingMessage, response: ServerResponse): Promise<void> {
  await readBody(request);
  const decoded = decodeURIComponent(source.split('?')[0]!.replace(/^\//, ''));
  const slash = decoded.indexOf('/');
  const [fromBucket, fromKey] = [decoded.slice(0, slash), decoded.slice(slash + 1)];
  if (slash < 1 || !BUCKET_NAME.test(fromBucket) || !store.hasBucket(fromBucket)) return fail(response, 404, 'NoSuchBucket', 'The specified bucket does not exist.');
  const from = store.head(fromBucket, fromKey);
  if (!from) return fail(response, 404, 'NoSuchKey', 'The specified key does not exist.');
  const copied = store.put(target.bucket, target.key, readFileSync(store.bodyFile(fromBucket, fromKey)), {
    contentType: from.contentType,
    headers: from.headers,
    metadata: from.metadata,
  });
  response.writeHead(200, { 'content-type': 'application/xml' });
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><ETag>${xml(copied.etag)}</ETag><LastModified>${copied.lastModified}</LastModified></CopyObjectResult>`,
  );
}

/** Path-style only; the raw path is split by hand, as `new URL` would resolve `..` segments in a key. */
function parseTarget(url: string): { bucket: string; key: string | undefined; query: URLSearchParams } | undefined {
  const mark = url.indexOf('?');
  const [path, search] = mark < 0 ? [url, ''] : [url.slice(0, mark), url.slice(mark + 1)];
  const slash = path.indexOf('/', 1);
  try {
    const bucket = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
    const key = slash < 0 || slash === path.length - 1 ? undefined : decodeURIComponent(path.slice(slash + 1));
    return { bucket, key, query: new URLSearchParams(search) };
  } catch {
    return undefined;
  }
}

function preflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, PUT, HEAD, DELETE, POST',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '3000',
  });
  response.end();
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * SDK v3 streams uploads as `aws-chunked` by default, to send a checksum trailer: `<hex size>[;chunk-signature=…]\r\n
 * <bytes>\r\n` repeated, then a zero-size chunk and the trailers. S3 stores only the bytes.
 */
function decodeBody(request: IncomingMessage, body: Buffer): Buffer {
  const chunked =
    String(request.headers['content-encoding'] ?? '').includes('aws-chunked') ||
    String(request.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
  if (!chunked) return body;
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16);
    if (lineEnd < 0 || Number.isNaN(size)) throw new Error('malformed aws-chunked body');
    if (size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  const decoded = Buffer.concat(parts);
  const declared = request.headers['x-amz-decoded-content-length'];
  if (declared !== undefined && Number(declared) !== decoded.length) {
    throw new Error(`aws-chunked body of ${decoded.length} bytes, ${String(declared)} declared`);
  }
  return decoded;
}

function metaOf(request: IncomingMessage): Pick<StoredObject, 'contentType' | 'headers' | 'metadata'> {
  const headers: Record<string, string> = {};
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value !== 'string') continue;
    if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
    // aws-chunked describes the upload, not the object; S3 drops it and keeps any other encoding.
    const kept =
      name === 'content-encoding'
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter((v) => v && v !== 'aws-chunked')
            .join(',')
        : value;
    if (KEPT_HEADERS.includes(name) && kept) headers[name] = kept;
  }
  return { contentType: request.headers['content-type'] ?? 'binary/octet-stream', headers, metadata };
}

function getObject(
  store: ObjectStore,
  bucket: string,
  key: string,
  request: IncomingMessage,
  query: URLSearchParams,
  response: ServerResponse,
): void {
  const object = store.head(bucket, key);
  if (!object) return fail(response, 404, 'NoSuchKey', 'The specified key does not exist.');
  const headers: Record<string, string | number> = {
    ...object.headers,
    'content-type': object.contentType,
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    ...Object.fromEntries(Object.entries(object.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value])),
  };
  // What a presigned download URL asks for, e.g. a file name for the browser to save under.
  for (const name of ['content-type', 'content-disposition', 'cache-control', 'content-language', 'content-encoding']) {
    const override = query.get(`response-${name}`);
    if (override) headers[name] = override;
  }
  const range = rangeOf(request.headers.range, object.size);
  if (range === 'unsatisfiable') return fail(response, 416, 'InvalidRange', 'The requested range is not satisfiable.');
  const [start, end] = range ?? [0, object.size - 1];
  response.writeHead(range ? 206 : 200, {
    ...headers,
    'content-length': end - start + 1,
    ...(range ? { 'content-range': `bytes ${start}-${end}/${object.size}` } : {}),
  });
  if (request.method === 'HEAD' || object.size === 0) return void response.end();
  // An object deleted mid-read ends the response instead of the process.
  pipeline(createReadStream(store.bodyFile(bucket, key), { start, end }), response, () => undefined);
}

/** One range, as S3 serves: `bytes=a-b`, `bytes=a-` or the last n bytes, `bytes=-n`; anything else is the whole object. */
function rangeOf(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (!match[1] && !match[2])) return undefined;
  const [start, end] = match[1]
    ? [Number(match[1]), match[2] ? Math.min(Number(match[2]), size - 1) : size - 1]
    : [Math.max(0, size - Number(match[2])), size - 1];
  return start > end || start >= size ? 'unsatisfiable' : [start, end];
}

function listObjects(store: ObjectStore, bucket: string, query: URLSearchParams, response: ServerResponse): void {
  if (query.get('delimiter')) return fail(response, 501, 'NotImplemented', 'ListObjectsV2 with a delimiter is not served locally.');
  const prefix = query.get('prefix') ?? '';
  const maxKeys = Math.min(1000, Math.max(0, Number(query.get('max-keys') ?? 1000) || 0));
  const token = query.get('continuation-token');
  // The token is the last key of the previous page; S3's own is opaque too.
  const after = Buffer.from(token ? Buffer.from(token, 'base64url').toString('utf8') : (query.get('start-after') ?? ''));
  const matching = store.list(bucket).filter((o) => o.key.startsWith(prefix) && Buffer.compare(Buffer.from(o.key), after) > 0);
  const page = matching.slice(0, maxKeys);
  const truncated = matching.length > page.length;
  const url = query.get('encoding-type') === 'url';
  const text = (value: string) => xml(url ? encodeURIComponent(value).replaceAll('%2F', '/') : value);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
    `<Name>${xml(bucket)}</Name><Prefix>${text(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>`,
    url ? '<EncodingType>url</EncodingType>' : '',
    `<IsTruncated>${truncated}</IsTruncated>`,
    token ? `<ContinuationToken>${xml(token)}</ContinuationToken>` : '',
    truncated ? `<NextContinuationToken>${Buffer.from(page.at(-1)!.key).toString('base64url')}</NextContinuationToken>` : '',
    ...page.map(
      (o) =>
        `<Contents><Key>${text(o.key)}</Key><LastModified>${o.lastModified}</LastModified><ETag>${xml(o.etag)}</ETag>` +
        `<Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    ),
    '</ListBucketResult>',
  ].join('');
  response.writeHead(200, { 'content-type': 'application/xml' });
  response.end(body);
}

/** S3's error body, from which the SDK raises the named exception (NoSuchKey, NoSuchBucket, …). */
function fail(response: ServerResponse, status: number, code: string, message: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`);
}

function xml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}
