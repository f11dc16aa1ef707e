import type { Mailbox } from '../../domain/mail-config.ts';
import { composeMessage } from './compose-message.ts';
import type { RawMailSender } from './ses-sender.ts';

/** A mail the helpdesk sends on its own, about no case yet (an activation link). */
export interface AutomaticMail {
  to: string;
  subject: string;
  text: string;
}

export interface AutomaticMailer {
  send(mail: AutomaticMail): Promise<void>;
}

/**
 * Sends straight away, not through the timeline: there is no case whose timeline could hold it, and
 * an activation link exists only in the request that made it (the table keeps a hash).
 */
export class MailboxMailer implements AutomaticMailer {
  constructor(
    private readonly sender: RawMailSender,
    private readonly from: Mailbox,
    private readonly mailDomain: string,
    private readonly newId: () => string,
    private readonly clock: () => string,
  ) {}

  async send(mail: AutomaticMail): Promise<void> {
    const raw = await composeMessage({
      from: { address: this.from.address, ...(this.from.displayName ? { name: this.from.displayName } : {}) },
      replyTo: this.from.address,
      to: [mail.to],
      subject: mail.subject,
      text: mail.text,
      messageId: `automatic.${this.newId()}@${this.mailDomain}`,
      references: [],
      date: this.clock(),
      attachments: [],
      automatic: 'auto-generated',
    });
    await this.sender.send(raw, { from: this.from.address, to: [mail.to] });
  }
}
