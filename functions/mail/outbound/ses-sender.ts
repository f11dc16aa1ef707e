import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';

/** The port raw outbound mail leaves through: SES in the cloud, the local SESv2 endpoint's outbox locally. */
export interface RawMailSender {
  send(raw: Uint8Array, envelope: { from: string; to: string[] }): Promise<{ sesMessageId: string }>;
}

/**
 * SESv2 SendEmail with the raw message we composed. The configuration set routes SES's delivery,
 * bounce and complaint events back to the timeline. Throttling and SES's own failures are retried
 * by the SDK (with more attempts than its default, since a reply is worth the wait); what still
 * fails is the caller's to record.
 */
export class SesSender implements RawMailSender {
  constructor(
    private readonly client: SESv2Client = new SESv2Client({ maxAttempts: 5 }),
    private readonly configurationSet?: string,
  ) {}

  async send(raw: Uint8Array, envelope: { from: string; to: string[] }): Promise<{ sesMessageId: string }> {
    const { MessageId } = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: envelope.from,
        Destination: { ToAddresses: envelope.to },
        Content: { Raw: { Data: raw } },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
    );
    return { sesMessageId: MessageId ?? '' };
  }
}
