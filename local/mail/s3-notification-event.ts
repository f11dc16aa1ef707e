import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { S3Event, SQSEvent } from 'aws-lambda';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../local-account.ts';

const QUEUE_ARN = `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:helpdesk-local-inbound-mail`;

/** The id SQS reports as the sender of S3's notifications. */
const S3_SENDER_ID = 'AIDAJHIPRHEMV73VRJEBU';

/**
 * Keys in S3 notifications are form-URL-encoded: spaces become `+`, other reserved characters
 * `%XX`, while `/` stays. A consumer decodes with `decodeURIComponent(key.replace(/\+/g, ' '))`.
 */
export const encodeS3EventKey = (key: string): string =>
  encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/gi, '/');

/**
 * The SQS event Lambda receives when S3 notifies a queue that an object was created: one record
 * whose body is the S3 event notification JSON, so the ingestion handler parses the same shape
 * locally as in the cloud.
 */
export function s3NotificationEvent(bucket: string, key: string, size: number, eTag: string, now = new Date()): SQSEvent {
  const notification: S3Event = {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: LOCAL_REGION,
        eventTime: now.toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:local-ses' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': hexId(8), 'x-amz-id-2': randomBytes(48).toString('base64') },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'local-inbound-mail',
          bucket: { name: bucket, ownerIdentity: { principalId: 'LOCAL' }, arn: `arn:aws:s3:::${bucket}` },
          // PutObject answers the ETag quoted; the notification carries it bare.
          object: { key: encodeS3EventKey(key), size, eTag: eTag.replace(/"/g, ''), sequencer: sequencer(now) },
        },
      },
    ],
  };
  const body = JSON.stringify(notification);
  const sent = String(now.getTime());
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: `AQEB${randomBytes(96).toString('base64')}`,
        body,
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: sent, SenderId: S3_SENDER_ID, ApproximateFirstReceiveTimestamp: sent },
        messageAttributes: {},
        md5OfBody: createHash('md5').update(body).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: QUEUE_ARN,
        awsRegion: LOCAL_REGION,
      },
    ],
  };
}

const hexId = (bytes: number): string => randomBytes(bytes).toString('hex').toUpperCase();

/** S3's sequencer orders events for one key as hex that grows with time; the random tail breaks ties. */
const sequencer = (now: Date): string => `${now.getTime().toString(16).toUpperCase().padStart(12, '0')}${hexId(3)}`;
