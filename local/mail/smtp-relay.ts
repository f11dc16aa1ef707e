import { createTransport } from 'nodemailer';

/** Passes a sent message on to a real SMTP server, envelope as SES was asked. */
export type Relay = (raw: Buffer, envelope: { from: string; to: string[] }) => Promise<void>;

/**
 * Mail the local SES sends also goes to the SMTP server LOCAL_SMTP_RELAY names (e.g.
 * `smtp://127.0.0.1:1025` for MailHog or Mailpit), to be read in a real mail client. The outbox
 * keeps every message whatever the relay does: a relay that is down is logged, not a failed send.
 */
export function smtpRelay(url: string | undefined, log: (line: string) => void = (line) => console.error(line)): Relay | undefined {
  if (!url) return undefined;
  const transport = createTransport(url);
  return async (raw, envelope) => {
    try {
      await transport.sendMail({ envelope, raw });
    } catch (error) {
      log(`LOCAL_SMTP_RELAY ${url}: could not relay a message to ${envelope.to.join(', ')}: ${(error as Error).message}`);
    }
  };
}
