import { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { MailObjects } from '../../../functions/mail/mail-objects.ts';

const s3 = mockClient(S3Client);
const objects = new MailObjects(new S3Client({ region: 'eu-central-1' }), 'mail');
/** A response body as the SDK hands it over in Node: a stream that can also collect itself. */
const body = (text: string) =>
  Object.assign(Readable.from([Buffer.from(text)]), { transformToByteArray: async () => new Uint8Array(Buffer.from(text)) });

beforeEach(() => {
  s3.reset();
});

describe('MailObjects.getAtMost', () => {
  it('reads an object within the limit', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('<p>Hi</p>') as never, ContentLength: 9 });

    const bytes = await objects.getAtMost('parsed/abc/body.html', 9);

    expect(Buffer.from(bytes!).toString()).toBe('<p>Hi</p>');
  });

  it('answers null for a longer object, leaving its body unread', async () => {
    const stream = body('<p>Hello</p>');
    s3.on(GetObjectCommand).resolves({ Body: stream as never, ContentLength: 12 });

    const bytes = await objects.getAtMost('parsed/abc/body.html', 11);

    expect(bytes).toBeNull();
    expect(stream.destroyed).toBe(true);
  });

  it('checks the length read when the object announced none', async () => {
    s3.on(GetObjectCommand).resolves({ Body: body('<p>Hello</p>') as never });

    expect(await objects.getAtMost('parsed/abc/body.html', 11)).toBeNull();
  });
});
