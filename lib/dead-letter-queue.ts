import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Where what could not be processed after its retries waits to be looked at and redriven: encrypted,
 * TLS only, kept 14 days (the most SQS keeps). Its owner alarms on it. `holds` names what lands here.
 */
export function deadLetterQueue(scope: Construct, id: string, holds: string): Queue {
  const queue = new Queue(scope, id, { enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: Duration.days(14) });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is the dead-letter queue of ${holds}; a dead-letter queue of its own would only move the alarmed messages out of sight.`,
  });
  return queue;
}
