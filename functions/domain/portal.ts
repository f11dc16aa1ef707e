import * as z from 'zod';
import { type Case, IsoDateTimeSchema } from './case.ts';
import { CUSTOMER_LABELS, customerLabel } from './labels.ts';
import { mergedInto } from './merge.ts';
import { PublicCaseSchema } from './public-case.ts';

export const PortalCasesQuerySchema = z.object({
  view: z.enum(['active', 'archive']).default('active').describe('active: open cases; archive: closed ones'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2_000).optional(),
});

/** A case in the customer's lists: the same allowlist idea as the public view, nothing internal. */
export const PortalCaseSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int().positive(),
    title: z.string(),
    status: z.enum(CUSTOMER_LABELS).describe('the customer\'s label ("5 ways" client panel)'),
    open: z.boolean(),
    mergedInto: z.number().int().positive().nullable().describe('the number of the case this one was merged into: its conversation goes on there, and opening it shows that case'),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema.describe('when anything last happened on it'),
  })
  .meta({ id: 'PortalCaseSummary' });
export type PortalCaseSummary = z.infer<typeof PortalCaseSummarySchema>;

export const PortalCaseListResponseSchema = z.object({
  items: z.array(PortalCaseSummarySchema),
  nextCursor: z.string().nullable().describe('pass as `cursor` for more; a page may hold fewer than `limit` and still have more'),
  hasArchive: z.boolean().describe('whether the customer has any closed case: a client shows the archive tab only then'),
});

export const PortalCaseSchema = PublicCaseSchema.extend({ id: z.uuid() }).meta({ id: 'PortalCase' });
export const PortalCaseResponseSchema = z.object({ case: PortalCaseSchema });

/** The customer's own view of a case in a list; null for a draft, which customers never see. */
export function portalCaseSummary(c: Case): PortalCaseSummary | null {
  const status = customerLabel(c);
  if (status === null) return null;
  const merged = mergedInto(c);
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    status,
    open: c.status !== 'closed',
    mergedInto: merged?.number ?? null,
    createdAt: c.createdAt,
    updatedAt: c.lastActivityAt,
  };
}
