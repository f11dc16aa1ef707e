import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { encodeS3EventKey, s3NotificationEvent } from '../../../local/mail/s3-notification-event.ts';

const decode = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

describe('the S3 notification event', () => {
  it.each([
    ['raw/0h7jkcmq4cvr6n5go3n8ggtnh1uv4te7ouf7c781', 'raw/0h7jkcmq4cvr6n5go3n8ggtnh1uv4te7ouf7c781'],
    ['raw/a b', 'raw/a+b'],
    ['raw/a+b:c=d', 'raw/a%2Bb%3Ac%3Dd'],
    ['raw/zażółć', 'raw/za%C5%BC%C3%B3%C5%82%C4%87'],
  ])('encodes the key %s as S3 does, %s, and decodes back to it', (key, encoded) => {
    const event = s3NotificationEvent('inbound', key, 10, '"abc"');

    const record = (JSON.parse(event.Records[0]!.body) as S3Event).Records[0]!;
    expect(encodeS3EventKey(key)).toBe(encoded);
    expect(record.s3.object.key).toBe(encoded);
    expect(decode(record.s3.object.key)).toBe(key);
  });

  it('carries the ETag without the quotes PutObject answers with', () => {
    const event = s3NotificationEvent('inbound', 'raw/x', 10, '"9e107d9d372bb6826bd81d3542a419d6"');

    const record = (JSON.parse(event.Records[0]!.body) as S3Event).Records[0]!;
    expect(record.s3.object.eTag).toBe('9e107d9d372bb6826bd81d3542a419d6');
  });
});
