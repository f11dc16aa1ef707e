import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** How long an attachment link works: long enough to click, too short to be worth sharing. */
export const DOWNLOAD_LINK_SECONDS = 300;

/**
 * Objects of the mail bucket: raw messages as the receiving service stored them (`raw/`), and what
 * ingestion derived from them (`parsed/<sha256 of the raw message>/`: attachments, full text, HTML).
 * Derived keys depend only on the raw bytes, so a second delivery rewrites the same objects.
 */
export class MailObjects {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  /** The object's bytes. */
  async get(key: string): Promise<Uint8Array> {
    return (await this.getAtMost(key, Number.POSITIVE_INFINITY))!;
  }

  /**
   * The object's bytes, or null when it is longer than `maxBytes` (its body is then left unread).
   * They are read into one buffer of the announced length: the SDK's own collector keeps every
   * chunk and then copies them into a second buffer, twice the memory for a 40 MB message.
   */
  async getAtMost(key: string, maxBytes: number): Promise<Uint8Array | null> {
    const { Body, ContentLength } = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!Body) throw new Error(`object ${key} has no body`);
    if (ContentLength !== undefined && ContentLength > maxBytes) {
      (Body as { destroy?: () => void }).destroy?.();
      return null;
    }
    if (ContentLength === undefined) {
      const bytes = await Body.transformToByteArray();
      return bytes.byteLength > maxBytes ? null : bytes;
    }
    const bytes = Buffer.allocUnsafe(ContentLength);
    let filled = 0;
    for await (const chunk of Body as AsyncIterable<Uint8Array>) {
      if (filled + chunk.byteLength > ContentLength) throw new Error(`object ${key} is longer than its ${ContentLength} bytes`);
      bytes.set(chunk, filled);
      filled += chunk.byteLength;
    }
    if (filled !== ContentLength) throw new Error(`object ${key} ended after ${filled} of its ${ContentLength} bytes`);
    return bytes;
  }

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  /** A server-side copy: the bytes never pass through the function. */
  async copy(from: string, to: string): Promise<void> {
    await this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${encodeURIComponent(from)}` }));
  }

  /** Deleting an object that is not there is no error (S3 answers 204 either way). */
  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** A short-lived link that downloads the object under its original name. */
  async downloadUrl(key: string, filename: string, contentType: string): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      ResponseContentType: contentType,
    });
    return getSignedUrl(this.s3, command, { expiresIn: DOWNLOAD_LINK_SECONDS });
  }

  /** A short-lived link the client PUTs the file to, with this content type (and, when given, exactly this many bytes: S3 refuses others). */
  async uploadUrl(key: string, contentType: string, size?: number): Promise<string> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ...(size === undefined ? {} : { ContentLength: size }) });
    return getSignedUrl(this.s3, command, { expiresIn: UPLOAD_LINK_SECONDS, ...(size === undefined ? {} : { signableHeaders: new Set(['content-length', 'content-type']) }) });
  }

  /** The object's size, or null when there is none under the key. */
  async sizeOf(key: string): Promise<number | null> {
    try {
      const { ContentLength } = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return ContentLength ?? 0;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return null;
      throw error;
    }
  }
}

/** How long an agent's upload link works. */
export const UPLOAD_LINK_SECONDS = 900;

/** Derived objects of one raw message. */
export const parsedKeys = (rawSha256: string) => ({
  attachment: (index: number) => `parsed/${rawSha256}/attachments/${index}`,
  fullText: `parsed/${rawSha256}/full.txt`,
  html: `parsed/${rawSha256}/body.html`,
});

/**
 * The local runtime serves S3 on one host, so buckets go in the path; in the cloud the SDK's
 * default virtual-hosted style applies. AWS_ENDPOINT_URL_S3 is set only locally.
 */
export const createS3Client = (): S3Client => new S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined });
