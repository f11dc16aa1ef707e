import type { Actor } from '../domain/actor.ts';
import type { Customer } from '../domain/customer.ts';
import { ConflictError, type FieldIssue, ValidationError } from '../domain/errors.ts';
import type { ActivateInput } from '../domain/intake-api.ts';
import { type ActivationState, activationState, INTAKE_FILE_KEYS, openCaseFromSubmission, type Submission } from '../domain/intake.ts';
import { routes } from '../routes.ts';
import { customerForAddress } from '../customers/customer-for-address.ts';
import { defineHandler } from '../shared/http-handler.ts';
import { HttpError } from '../shared/http-errors.ts';
import type { IntakeDeps } from '../shared/intake-deps.ts';
import { logger } from '../shared/logger.ts';
import { accountHolder } from './account-holder.ts';
import { activationFor } from './activation-link.ts';

/**
 * The ACTIVATE link's page, sent: the address is proven, so the submission becomes a case in "to
 * assign". An address without an account registers first (password twice, terms accepted). The
 * link is marked used in the case's own transaction: two clicks at once make one case.
 */
export const activateSubmission = defineHandler<typeof routes.activateSubmission, IntakeDeps>(
  routes.activateSubmission,
  async ({ headers, body }, deps) => {
    const token = headers['x-activation-token'];
    const { activation, key } = await activationFor(token, deps);
    const now = deps.clock();
    const { submission } = activation;
    let customer = await accountHolder(submission.email, deps);
    const state = activationState(activation, now, customer?.account != null);
    refuseUnusable(state);
    let registered = false;
    if (state.state === 'register') {
      const password = registration(body);
      customer = await register(customer, submission, password, deps);
      registered = true;
    }
    await keepUploads(submission, deps);
    const holder = customer!;
    const actor: Actor = { kind: 'customer', id: holder.id, name: submission.name };
    const ctx = { actor, now, settings: deps.settings };
    try {
      const created = await deps.cases.createCase(
        (number) => openCaseFromSubmission(submission, ctx, { id: deps.newId(), number }, { inbox: deps.intake.mailbox.inbox, customerId: holder.id }),
        { alongside: (outcome) => [deps.intake.store.usedWrite(key, outcome.case.number, submission)] },
      );
      await dropUploads(submission, deps);
      return { status: 201, body: { caseNumber: created.case.number, email: submission.email, registered } };
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'activation_changed')) throw error;
      // Another click got there first: answer as a used link does.
      refuseUnusable(activationState((await activationFor(token, deps)).activation, now, true));
      throw error;
    }
  },
);

/** The submission's files, copied where the case keeps them; again on a retry, to the same keys. */
async function keepUploads(submission: Submission, deps: IntakeDeps): Promise<void> {
  const objects = deps.intake.objects;
  if (!objects) return;
  await Promise.all(
    submission.attachments.map(async ({ key }) => {
      const kept = INTAKE_FILE_KEYS.kept(key);
      try {
        await objects.copy(key, kept);
      } catch (error) {
        // A click at the same moment copied it and dropped the upload already.
        if ((await objects.sizeOf(kept)) === null) throw error;
      }
    }),
  );
}

/** The uploads the case no longer needs: gone now rather than when the lifecycle rule comes, which it still does if this fails. */
async function dropUploads(submission: Submission, deps: IntakeDeps): Promise<void> {
  const objects = deps.intake.objects;
  if (!objects) return;
  try {
    await Promise.all(submission.attachments.map(({ key }) => objects.delete(key)));
  } catch (error) {
    logger.warn('uploads of an activated submission stay until the lifecycle rule removes them', { error });
  }
}

/** A link that made its case, or whose submission is gone, can do nothing more: not activate, not be re-sent. */
export function refuseSpent(state: ActivationState): void {
  if (state.state === 'used') throw new HttpError(410, 'activation_used', `this link was used already: it made case #${state.caseNumber}`);
  if (state.state === 'gone') throw new HttpError(410, 'activation_gone', 'this request is no longer waiting for activation: send the form again');
}

function refuseUnusable(state: ActivationState): void {
  refuseSpent(state);
  if (state.state === 'expired') throw new HttpError(410, 'activation_expired', 'this link has expired: ask for a new one');
}

function registration(body: ActivateInput): string {
  const issues: FieldIssue[] = [];
  if (body.password === undefined) issues.push({ path: 'body.password', message: 'required to register' });
  if (body.password !== undefined && body.passwordAgain === undefined) issues.push({ path: 'body.passwordAgain', message: 'required to register' });
  if (body.acceptTerms !== true) issues.push({ path: 'body.acceptTerms', message: 'the terms must be accepted to register' });
  if (issues.length > 0) throw new ValidationError(issues);
  return body.password!;
}

/** The customer's record (made now when the address has none) with an account in the customer pool. */
async function register(found: Customer | null, submission: Submission, password: string, deps: IntakeDeps): Promise<Customer> {
  const id =
    found?.id ??
    (await customerForAddress(
      {
        email: submission.email,
        name: submission.name,
        ...(submission.phone ? { phone: submission.phone } : {}),
        ...(submission.externalCustomerId ? { externalId: submission.externalCustomerId } : {}),
      },
      deps.customers,
      deps.newId,
      deps.clock,
    ));
  try {
    await deps.intake.accounts.create({ customerId: id, email: submission.email, password });
  } catch (error) {
    // A second click registering at the same moment: the account is there, and the case is made once.
    if (!(error instanceof ConflictError && error.code === 'account_exists')) throw error;
  }
  for (;;) {
    const customer = await deps.customers.get(id);
    if (customer.account) return customer;
    const now = deps.clock();
    const withAccount = { ...customer, account: { createdAt: now, language: submission.language }, updatedAt: now, version: customer.version + 1 };
    try {
      await deps.customers.update(customer, withAccount);
      return withAccount;
    } catch (error) {
      if (!(error instanceof ConflictError && error.code === 'version_conflict')) throw error;
    }
  }
}
