import { describe, expect, it } from 'vitest';
import { deliveryReport, type SesEvent } from '../../../functions/mail/delivery-report.ts';

const CASE_ID = '0b5e4c1e-7d2a-4f7e-9a51-2f4c8e6d1a30';
const DOMAIN = 'mail.acme.example';
const ours = { commonHeaders: { messageId: `<case.${CASE_ID}.7@${DOMAIN}>` } };

describe('deliveryReport', () => {
  it.each([
    ['Delivery', {}, 'delivered'],
    ['Bounce', { bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'x@y.example', diagnosticCode: 'smtp; 550 no such user' }] } }, 'bounced'],
    ['Complaint', { complaint: { complaintFeedbackType: 'abuse' } }, 'complained'],
    ['Reject', { reject: { reason: 'Bad content' } }, 'failed'],
    ['Rendering Failure', { failure: { errorMessage: 'template' } }, 'failed'],
  ] as const)('maps a %s event on our reply to %s', (eventType, extra, delivery) => {
    const report = deliveryReport({ eventType, mail: ours, ...extra } as SesEvent, DOMAIN);

    expect(report).toMatchObject({ caseId: CASE_ID, seq: 7, delivery });
  });

  it('says why a bounce bounced', () => {
    const report = deliveryReport(
      { eventType: 'Bounce', mail: ours, bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'x@y.example', diagnosticCode: 'smtp; 550 no such user' }] } },
      DOMAIN,
    );

    expect(report?.detail).toBe('Permanent — x@y.example: smtp; 550 no such user');
  });

  it('finds the Message-ID among the raw headers when the common headers lack it', () => {
    const report = deliveryReport({ eventType: 'Delivery', mail: { headers: [{ name: 'Message-ID', value: `<case.${CASE_ID}.3@${DOMAIN}>` }] } }, DOMAIN);

    expect(report).toMatchObject({ seq: 3, delivery: 'delivered' });
  });

  it.each([
    ['the send itself', { eventType: 'Send', mail: ours }],
    ['a delay SES still retries', { eventType: 'DeliveryDelay', mail: ours }],
    ['mail of another domain', { eventType: 'Delivery', mail: { commonHeaders: { messageId: `<case.${CASE_ID}.7@other.example>` } } }],
    ['mail that is not ours', { eventType: 'Delivery', mail: { commonHeaders: { messageId: '<abc@gmail.example>' } } }],
    ['an event without a message', { eventType: 'Delivery' }],
  ])('ignores %s', (_, event) => {
    expect(deliveryReport(event as SesEvent, DOMAIN)).toBeNull();
  });
});
