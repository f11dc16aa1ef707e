import * as z from 'zod';
import type { Agent } from './agents.ts';
import type { Case } from './case.ts';
import type { Customer } from './customer.ts';
import { type CommandContext, Mutation, type Outcome } from './mutation.ts';
import { freshCase, type NewCaseIdentity } from './new-case.ts';

/** "5 ways": a signed-in customer writes a new case straight to an expert they dealt with before; no activation. */
export const NewCaseForExpertInputSchema = z.strictObject({
  expertId: z.string().min(1).max(128).describe('one of GET /my/experts'),
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(20_000),
});
export type NewCaseForExpertInput = z.infer<typeof NewCaseForExpertInputSchema>;

/** An expert as the customer sees them: the name only, never an e-mail. */
export const ExpertSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'Expert' });
export const ExpertListResponseSchema = z.object({ items: z.array(ExpertSchema) });

/**
 * The experts a customer has dealt with: who was assigned their cases (newest case first), as far
 * as they are still agents in the directory.
 */
export function expertsOf(cases: readonly Case[], directory: readonly Agent[]): z.infer<typeof ExpertSchema>[] {
  const ids = [...new Set(cases.map((c) => c.assigneeId).filter((id): id is string => id !== null))];
  return ids.flatMap((id) => {
    const agent = directory.find((a) => a.id === id);
    return agent ? [{ id: agent.id, name: agent.name }] : [];
  });
}

/**
 * The new case goes straight to the expert, highlighted in their own queue: the customer chose
 * them, so it skips "to assign". It keeps the inbox of the customer's last case with them.
 */
export function openCaseForExpert(
  input: NewCaseForExpertInput,
  ctx: CommandContext,
  identity: NewCaseIdentity,
  placement: { customer: Customer; inbox: string | null },
): Outcome {
  const { customer } = placement;
  const contact = customer.email ? { email: customer.email, ...(customer.name ? { name: customer.name } : {}) } : null;
  const m = new Mutation(
    freshCase(identity, ctx, {
      title: input.subject,
      description: input.message,
      channel: 'portal',
      customerId: customer.id,
      assigneeId: input.expertId,
      inbox: placement.inbox,
      contacts: { primaryContact: contact, requester: contact },
    }),
    ctx,
  );
  m.set('status', 'new').set('highlighted', true).set('lastCustomerMessageAt', ctx.now);
  m.add({ type: 'inbound_message', visibility: 'public', text: input.message, channel: 'portal', from: customer.email });
  return m.finish();
}
