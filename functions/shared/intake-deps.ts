import type { Mailbox } from '../domain/mail-config.ts';
import { mailboxFor } from '../domain/mail-config.ts';
import { mailObjects } from '../cases/mail-bucket.ts';
import type { MailObjects } from '../mail/mail-objects.ts';
import { type AutomaticMailer, MailboxMailer } from '../mail/outbound/automatic-mailer.ts';
import { SesSender } from '../mail/outbound/ses-sender.ts';
import { createDocumentClient } from '../store/client.ts';
import { EmailChangeStore } from '../store/email-change-store.ts';
import { IntakeStore } from '../store/intake-store.ts';
import { customerAccounts } from './customer-account-deps.ts';
import { loadConfig } from './config.ts';
import type { CustomerAccounts } from './customer-accounts.ts';
import type { Deps } from './deps.ts';

/** What the form intake and activation need beyond the common deps. */
export interface IntakePorts {
  store: IntakeStore;
  /** Customers' new addresses waiting for confirmation: mailed and confirmed like activation links. */
  emailChanges: EmailChangeStore;
  accounts: CustomerAccounts;
  mailer: AutomaticMailer;
  /** Form cases land in its inbox; activation mail comes from it. */
  mailbox: Mailbox;
  /** The customer portal's address, where activation links lead. */
  portalUrl: string;
  /** The mail bucket, which the form's files are uploaded to; null where the stack has none. */
  objects: MailObjects | null;
}

export type IntakeDeps = Deps & { intake: IntakePorts };

/** The deps `base` gives with the intake's ports, built once per cold start. */
export function withIntake(base: () => Deps): () => IntakeDeps {
  let cached: IntakeDeps | undefined;
  return () => {
    if (!cached) {
      const deps = base();
      cached = { ...deps, intake: intakePorts(deps) };
    }
    return cached;
  };
}

function intakePorts(base: Deps): IntakePorts {
  const config = loadConfig();
  if (!config.mail || !config.portalUrl) throw new Error('invalid function environment: MAIL_CONFIG and PORTAL_URL are required for intake');
  const wanted = base.settings.intake.mailbox;
  const mailbox = (wanted ? mailboxFor(config.mail, wanted) : null) ?? config.mail.mailboxes[0]!;
  return {
    store: new IntakeStore(createDocumentClient(), config.tableName),
    emailChanges: new EmailChangeStore(createDocumentClient(), config.tableName),
    accounts: customerAccounts(),
    mailer: new MailboxMailer(new SesSender(undefined, config.sesConfigurationSet), mailbox, config.mail.domain, base.newId, base.clock),
    mailbox,
    portalUrl: base.settings.portalUrl ?? config.portalUrl,
    objects: mailObjects(),
  };
}
