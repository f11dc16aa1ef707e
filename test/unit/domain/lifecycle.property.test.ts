import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../functions/domain/actor.ts';
import { claim, delegate, robotReject, setToDo, unassign } from '../../../functions/domain/assignment.ts';
import type { Case } from '../../../functions/domain/case.ts';
import { addNote, addReply, receiveCustomerMessage } from '../../../functions/domain/conversation.ts';
import { createCase, submit } from '../../../functions/domain/create.ts';
import { DomainError } from '../../../functions/domain/errors.ts';
import { linkCustomer, updateFields } from '../../../functions/domain/fields.ts';
import { invariantViolations } from '../../../functions/domain/invariants.ts';
import type { CommandContext, Outcome } from '../../../functions/domain/mutation.ts';
import { CreateCaseInputSchema } from '../../../functions/domain/requests.ts';
import { cancelByCustomer, close, rejectAsSpam, reopen, resolve } from '../../../functions/domain/resolution.ts';
import type { TimelineEntry } from '../../../functions/domain/timeline.ts';
import { SYSTEM_STATUSES, type TenantSettings, TenantSettingsSchema } from '../../../functions/domain/tenant-settings.ts';
import { fireTimer } from '../../../functions/domain/timer-firing.ts';
import { toCustomerView } from '../../../functions/domain/views.ts';
import { cancelWait, setWait } from '../../../functions/domain/waits.ts';
import { merge, mergedInto, mergeTargetClosed, unmerge } from '../../../functions/domain/merge.ts';
import { relatedCaseFinished } from '../../../functions/domain/related-case-finished.ts';
import { spawn, SpawnInputSchema } from '../../../functions/domain/spawn.ts';
import { split, SplitInputSchema } from '../../../functions/domain/split.ts';
import { CASE_ID } from '../../fixtures/cases.ts';

const INTERNAL_MARKER = 'INTERNAL-ONLY';
const actors: Actor[] = [
  { kind: 'agent', id: 'agent-ala' },
  { kind: 'agent', id: 'agent-ewa' },
  { kind: 'admin', id: 'admin-ola' },
  { kind: 'robot', id: 'robot-1' },
];
const customerActor: Actor = { kind: 'customer', id: 'customer-1' };
const timerActor: Actor = { kind: 'system', id: 'timer' };

type Step = (c: Case, ctx: CommandContext) => Outcome | null;
const staffStep = (name: string, run: Step) => fc.constant({ name, run, customer: false });

const stepArb = fc.oneof(
  staffStep('submit', submit),
  staffStep('claim', claim),
  fc.constantFrom('agent-ala', 'agent-ewa', 'robot-1').map((to) => ({ name: `delegate ${to}`, run: ((c, x) => delegate(c, x, to)) as Step, customer: false })),
  staffStep('unassign', unassign),
  staffStep('set_todo', setToDo),
  staffStep('robot_reject', (c, x) => robotReject(c, x, 'cannot parse')),
  staffStep('note', (c, x) => addNote(c, x, { text: `${INTERNAL_MARKER} note` })),
  staffStep('reply', (c, x) => addReply(c, x, { text: 'public reply', includeHistory: false })),
  staffStep('update', (c, x) => updateFields(c, x, { priority: 'high' })),
  staffStep('link', (c, x) => linkCustomer(c, x, 'customer-1')),
  fc.integer({ min: 1, max: 30 }).map((days) => ({
    name: `wait ${days}d`,
    run: ((c, x) => setWait(c, x, { kind: 'more_info', days, closeIfNoReply: days % 2 === 0 })) as Step,
    customer: false,
  })),
  staffStep('follow_up', (c, x) => setWait(c, x, { kind: 'follow_up', until: new Date(Date.parse(x.now) + 3_600_000).toISOString() })),
  staffStep('cancel_wait', cancelWait),
  staffStep('resolve', (c, x) => resolve(c, x, { method: 'replied_to_customer', note: { text: `${INTERNAL_MARKER} resolution` } })),
  staffStep('resolve_bare', (c, x) => resolve(c, x, { method: 'no_customer_response' })),
  staffStep('reopen', reopen),
  staffStep('close', (c, x) => close(c, x, { method: 'rejected' })),
  staffStep('spam', rejectAsSpam),
  fc.constant({ name: 'customer writes', run: ((c, x) => receiveCustomerMessage(c, x, { text: 'hello', channel: 'email', from: null })) as Step, customer: true }),
  // Only the case's own customer may cancel; on an unlinked case the domain refuses it (403), which the run skips.
  fc.constant({ name: 'customer cancels', run: ((c, x) => cancelByCustomer(c, x)) as Step, customer: true }),
  // A timer firing may be due, late (the case moved on) or a duplicate delivery of an old one.
  fc.integer({ min: 0, max: 6 }).map((generation) => ({
    name: `timer g${generation} fires`,
    run: ((c, x) => {
      const outcome = fireTimer(c, { ...x, actor: timerActor }, generation);
      expect(outcome === null).toBe(c.timer?.generation !== generation);
      return outcome;
    }) as Step,
    customer: false,
  })),
);

/** How many split originals the runs resolved, so the sampling test can tell the path is reached. */
let splitCompletions = 0;

/** Ids for the cases splits and spawns make, fresh for each. */
let madeCases = 0;
const made = () => ({ id: `made-${++madeCases}`, number: 1000 + madeCases });
const splitInput = SplitInputSchema.parse({ cases: [{ title: 'A', description: 'a', entries: [1] }, { title: 'B', description: 'b' }] });
const waitedFor = (c: Case) => c.links.filter((l) => (l.kind === 'split_into' || l.kind === 'spawned') && l.finishedAt === undefined);

/** How many merges and unmerges of the case under test the runs made, so the sampling test can tell the paths are reached. */
let merges = 0;
let unmerges = 0;

/** Another open case, as an agent made it. */
const otherCase = (x: CommandContext): Case =>
  createCase(CreateCaseInputSchema.parse({ title: 'O', description: 'o', category: 'c', contacts: { primaryContact: { email: 'o@example.com' }, requester: { email: 'o@example.com' } } }), x, made()).case;

const mergeStepArb = fc.oneof(
  { arbitrary: staffStep('merge into another', (c, x) => merge(c, otherCase(x), x, [1]).source), weight: 2 },
  { arbitrary: staffStep('another merges into this', (c, x) => merge(otherCase(x), c, x, [1]).target), weight: 1 },
  // A merge back into a case merged into this one, or into itself, would be a cycle: always refused.
  { arbitrary: staffStep('merge into a case merged into this one', (c, x) => {
    const intoThis = merge(otherCase(x), { ...c, status: 'in_progress', wait: null, timer: null, resolution: null, assigneeId: 'agent-ala' }, x, []).source.case;
    expect(() => merge(c, intoThis, x, [])).toThrow(DomainError);
    expect(() => merge(c, c, x, [])).toThrow(DomainError);
    return null;
  }), weight: 1 },
  // The case gets back the status it had.
  { arbitrary: staffStep('unmerge', (c, x) => {
    const outcome = unmerge(c, { ...otherCase(x), id: mergedInto(c)?.caseId ?? 'unrelated' }, x).source;
    expect(outcome.case.status).toBe(mergedInto(c)!.restore!.status);
    unmerges++;
    return outcome;
  }), weight: 4 },
  // The stream reports the target closed: maybe this case's, maybe another's.
  { arbitrary: fc.boolean().map((own) => ({
    name: `merge target closed${own ? '' : ' (another)'}`,
    run: ((c, x) => {
      const outcome = mergeTargetClosed(c, { ...x, actor: timerActor }, { id: own ? (mergedInto(c)?.caseId ?? 'unrelated') : 'unrelated', number: 9 });
      expect(outcome !== null).toBe(own && c.status === 'resolved' && mergedInto(c) !== null);
      return outcome;
    }) as Step,
    customer: false,
  })), weight: 1 },
);

const relationStepArb = fc.oneof(
  { arbitrary: staffStep('split', (c, x) => split(c, x, splitInput, [made(), made()]).original), weight: 1 },
  { arbitrary: fc.boolean().map((wait) => ({
    name: `spawn${wait ? ' and wait' : ''}`,
    run: ((c, x) => spawn(c, x, SpawnInputSchema.parse({ title: 'S', description: 's', wait }), made()).original) as Step,
    customer: false,
  })), weight: 1 },
  // One of the cases it waits for ends (a stream record, maybe delivered again), or one it never heard of.
  { arbitrary: fc.tuple(fc.nat(3), fc.constantFrom('resolved', 'closed'), fc.boolean()).map(([pick, status, again]) => ({
    name: `related case ${pick} ${status}${again ? ' (again)' : ''}`,
    run: ((c, x) => {
      const link = again ? c.links.find((l) => l.finishedAt !== undefined) : waitedFor(c)[pick % Math.max(1, waitedFor(c).length)];
      const ended = { id: link?.caseId ?? 'unrelated', number: link?.number ?? 9, status };
      const outcome = relatedCaseFinished(c, { ...x, actor: timerActor }, ended);
      if (again || !link) expect(outcome).toBeNull();
      const splitDone = !again && c.status === 'waiting' && c.wait?.kind === 'split' && waitedFor(c).filter((l) => l.kind === 'split_into').length === 1 && link?.kind === 'split_into';
      // The last of a split resolves the original, and nothing else does so as "split".
      expect(outcome?.case.resolution?.method === 'split' && c.resolution === null).toBe(splitDone);
      return outcome;
    }) as Step,
    customer: false,
  })), weight: 3 },
);

const settingsArb = fc.record({
  assignmentPolicy: fc.constantFrom('unassigned_only', 'any_action'),
  requireResolution: fc.constantFrom('none', 'note_or_email'),
  feedbackWindow: fc.constantFrom('P3D', 'PT0S'),
  reopenClosed: fc.constantFrom('new_linked_case', 'reopen'),
}).map((s) => TenantSettingsSchema.parse(s));

type Steps = [{ name: string; run: Step; customer: boolean }, number][];

/** Runs the steps, checking the invariants after each accepted command; returns the statuses visited. */
function runSequence(settings: TenantSettings, startAsDraft: boolean, steps: Steps): Set<string> {
  let now = Date.parse('2026-11-25T09:00:00.000Z');
  const ctxFor = (actor: Actor): CommandContext => ({ actor, now: new Date((now += 60_000)).toISOString(), settings });
  const input = CreateCaseInputSchema.parse({
    draft: startAsDraft, title: 'T', description: 'D', category: 'c',
    contacts: { primaryContact: { email: 'a@example.com' }, requester: { email: 'a@example.com' } },
  });
  const created = createCase(input, ctxFor(actors[0]!), { id: CASE_ID, number: 1 });
  let c = created.case;
  const timeline: TimelineEntry[] = [...created.entries];
  const visited = new Set<string>([c.status]);

  for (const [step, actorIndex] of steps) {
    const actor = step.customer ? customerActor : actors[actorIndex]!;
    let outcome: Outcome | null;
    try {
      outcome = step.run(c, ctxFor(actor));
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    if (outcome === null) continue;
    expect(outcome.case.version).toBe(c.version + 1);
    // Only the end of its last case resolves a split original as "split"; until then it keeps waiting.
    if (outcome.case.resolution?.method === 'split' && c.resolution?.method !== 'split') {
      expect(outcome.case.links.filter((l) => l.kind === 'split_into').every((l) => l.finishedAt !== undefined)).toBe(true);
      splitCompletions++;
    }
    // A merged case never holds a timer, and is never a target; a merge or unmerge records what it restores.
    if (mergedInto(outcome.case)) {
      expect(outcome.case.timer).toBeNull();
      expect(outcome.case.links.filter((l) => l.kind === 'merged_into')).toHaveLength(1);
      if (!mergedInto(c)) merges++;
    }
    expect(outcome.entries.map((e) => e.seq)).toEqual(outcome.entries.map((_, i) => c.entryCount + i + 1));
    expect(invariantViolations(outcome.case)).toEqual([]);
    c = outcome.case;
    timeline.push(...outcome.entries);
    visited.add(c.status);
    expect(JSON.stringify(toCustomerView(c, timeline))).not.toContain(INTERNAL_MARKER);
  }
  expect(c.entryCount).toBe(timeline.length);
  return visited;
}

const stepsArb = fc.array(fc.tuple(fc.oneof({ arbitrary: stepArb, weight: 3 }, { arbitrary: relationStepArb, weight: 3 }, { arbitrary: mergeStepArb, weight: 2 }), fc.integer({ min: 0, max: actors.length - 1 })), {
  maxLength: 40,
});

describe('any interleaving of agent commands, customer messages, timer firings, splits, linked cases, merges and their ends', () => {
  it('keeps the lifecycle invariants, a rising version and an internal-free customer view; a timer applies only on its own generation, once; a split original resolves once, after its last case; no merge cycle; a merged case holds no timer; an unmerge restores the status', () => {
    fc.assert(fc.property(settingsArb, fc.boolean(), stepsArb, (settings, draft, steps) => void runSequence(settings, draft, steps)), {
      numRuns: 500,
    });
  });

  it('is generated widely enough to reach every status, the completion of a split, a merge and an unmerge', () => {
    const visited = new Set<string>();
    splitCompletions = 0;
    merges = 0;
    unmerges = 0;

    for (const [settings, draft, steps] of fc.sample(fc.tuple(settingsArb, fc.boolean(), stepsArb), { numRuns: 500, seed: 42 })) {
      runSequence(settings, draft, steps).forEach((status) => visited.add(status));
    }

    expect([...visited].sort()).toEqual([...SYSTEM_STATUSES].sort());
    expect(splitCompletions).toBeGreaterThan(0);
    expect(merges).toBeGreaterThan(0);
    expect(unmerges).toBeGreaterThan(0);
  });
});
