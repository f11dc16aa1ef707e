/** Key builders; the layout they produce is documented in docs/data-model.md. */
export const keys = {
  case: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  entry: (caseId: string, seq: number) => ({ pk: `CASE#${caseId}`, sk: `EV#${String(seq).padStart(8, '0')}` }),
  entryPrefix: 'EV#',
  /**
   * An agent's unsent reply, in the case's item collection: `DRAFT#` sorts between `CASE` and
   * `EV#`, so timeline queries (`sk BETWEEN` entry keys) never meet it.
   */
  replyDraft: (caseId: string, agentId: string) => ({ pk: `CASE#${caseId}`, sk: `DRAFT#${agentId}` }),
  caseCounter: () => ({ pk: 'COUNTER#case-number', sk: 'COUNTER' }),
  /** Which case holds a number: written with the case, so staff can jump to "#1042". */
  caseNumber: (number: number) => ({ pk: `CASE_NUMBER#${number}`, sk: 'ALIAS' }),
  idempotency: (actorId: string, key: string) => ({ pk: `IDEMPOTENCY#${actorId}#${key}`, sk: 'IDEMPOTENCY' }),
  customer: (customerId: string) => ({ pk: `CUSTOMER#${customerId}`, sk: 'CUSTOMER' }),
  customerEmail: (email: string) => ({ pk: `CUSTOMER_EMAIL#${email}`, sk: 'ALIAS' }),
  customerExternalId: (externalId: string) => ({ pk: `CUSTOMER_EXTERNAL_ID#${externalId}`, sk: 'ALIAS' }),
  /** One per inbound e-mail and mailbox, keyed by its Message-ID or the hash of its raw bytes: it makes a message count once. */
  mailReceipt: (mailbox: string, messageKey: string) => ({ pk: `MAIL#${mailbox}#${messageKey}`, sk: 'RECEIPT' }),
  /** The automatic mails sent to one address in the last day, which loop safety caps. */
  autoReplies: (email: string) => ({ pk: `AUTOREPLY#${email}`, sk: 'AUTOREPLY' }),
  /** A form submission's activation link, keyed by the SHA-256 of its token (the token itself is never stored). */
  activation: (tokenHash: string) => ({ pk: `ACTIVATION#${tokenHash}`, sk: 'ACTIVATION' }),
  /** A customer's new address waiting for its confirmation link, keyed like an activation link. */
  emailChange: (tokenHash: string) => ({ pk: `EMAIL_CHANGE#${tokenHash}`, sk: 'EMAIL_CHANGE' }),
  /** Form submissions from one address in one hour, which the intake limit caps. */
  intakeRate: (email: string, hour: string) => ({ pk: `INTAKE_RATE#${email}#${hour}`, sk: 'RATE' }),
  recentAccess: (agentId: string, caseId: string) => ({ pk: `AGENT#${agentId}`, sk: `RECENT#${caseId}` }),
  preferences: (agentId: string) => ({ pk: `AGENT#${agentId}`, sk: 'PREFERENCES' }),
  /** All of a tenant's templates share one partition, so one Query lists them; only admins write them. */
  template: (templateId: string) => ({ pk: 'TEMPLATES', sk: `TEMPLATE#${templateId}` }),
  templatePartition: 'TEMPLATES',
  /** Names the one template sent for a purpose in a language; makes that template unique. */
  templatePurpose: (purpose: string, language: string) => ({ pk: `TEMPLATE_PURPOSE#${purpose}#${language}`, sk: 'ALIAS' }),
} as const;

/** Partition values of the work-queue index (gsi1). */
export const queuePartition = {
  toAssign: () => 'QUEUE#to-assign',
  archive: () => 'QUEUE#archive',
  mine: (agentId: string) => `QUEUE#mine#${agentId}`,
  waiting: (agentId: string) => `QUEUE#waiting#${agentId}`,
  recent: (agentId: string) => `QUEUE#recent#${agentId}`,
  delegated: (agentId: string) => `DELEGATED#${agentId}`,
  customer: (customerId: string) => `CUSTOMER#${customerId}`,
  /** One partition for the tenant's pending timers (gsi4); see docs/data-model.md for its write rate. */
  pendingTimers: () => 'TIMERS#pending',
} as const;

/** Sort values end in the case id so two cases with the same instant never collide. */
export const sortValue = (isoTime: string, caseId: string): string => `${isoTime}#${caseId}`;

export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk', 'kind', 'expiresAt'] as const;
