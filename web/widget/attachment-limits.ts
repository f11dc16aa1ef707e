/**
 * What the intake takes with a form: a copy of INTAKE_ATTACHMENTS in functions/domain/intake.ts.
 * Importing that module would bring zod and the domain into the widget (about 31 KB gzipped, more than
 * the widget's whole budget); test/unit/widget-attachments.test.ts holds the copy equal to it.
 */
export const ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  types: ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain', 'text/csv',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
} as const;
