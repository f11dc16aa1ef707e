import { ConflictError } from '../domain/errors.ts';

export interface RetryPolicy {
  /** Time after the first attempt within which another attempt may start. */
  budgetMs: number;
  /** The backoff's first ceiling; it doubles per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The ceiling is also at least this many times as long as the attempt that just lost. */
  latencyFactor: number;
}

/**
 * A busy case (a customer writing while two agents and a robot act) sees many writers at once,
 * and only one wins each round. Full jitter spreads the losers out so they do not collide again.
 * An attempt that took long lost in a long queue of writers at the same item, so the window also
 * scales with it. Measured with 50 concurrent full writes on one case on the local runtime (notes,
 * before they became appends), where DynamoDB Local runs one transaction at a time and every lost
 * attempt costs the winners time:
 * a 1 s ceiling kept the database so busy that a cold round landed only 44 of 50 in 8 s, with
 * the slowest at 8.2 s even given more time; a 2 s ceiling landed all 50 with the slowest at 5.9 s
 * (4 s was no better). The budget leaves room for a cold, loaded machine and stays inside the
 * function's timeout (lib/handler-function.ts), which stays inside the HTTP API's 30 s.
 */
export const BUSY_CASE_RETRY: RetryPolicy = { budgetMs: 20_000, baseDelayMs: 10, maxDelayMs: 2_000, latencyFactor: 4 };

export interface RetryClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

const realClock: RetryClock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Runs a read-decide-write step again when another writer changed the case in between. The step
 * re-reads (or starts from the case the failed write reported), so each run decides on what
 * actually happened: a timer that lost the race to a customer message finds its generation stale;
 * a note is appended after the other writer's entries. Other errors, and the last conflict once
 * the budget is spent, are thrown.
 */
export function retryOnConflict<T>(step: () => Promise<T>, policy = BUSY_CASE_RETRY, clock = realClock): Promise<T> {
  return retry(step, policy, clock, false);
}

/** What a step run by {@link retryBackingOffBeforeWrite} is given. */
export interface RetryTurn {
  /**
   * Called between deciding and a write that can lose to other writers again. After a lost race
   * this is where the backoff is spent: it waits, then starts the step over on a fresh read.
   */
  beforeContendedWrite: () => Promise<void>;
}

/** The turn of a step that runs once: nothing to wait for. */
export const SINGLE_TURN: RetryTurn = { beforeContendedWrite: async () => undefined };

/**
 * {@link retryOnConflict} for a step whose write may commute with the others' (an append to a busy
 * case): after a lost race the step decides again at once on a fresh read, and waits out the
 * backoff only if its next write can lose again (`beforeContendedWrite`). Fifty notes that lose
 * one race to the first note, which put the case In Progress, then land without waiting.
 */
export function retryBackingOffBeforeWrite<T>(step: (turn: RetryTurn) => Promise<T>, policy = BUSY_CASE_RETRY, clock = realClock): Promise<T> {
  return retry(step, policy, clock, true);
}

/** Thrown by `beforeContendedWrite` once it has waited: the step starts over on a fresh read. */
const START_OVER = Symbol('start over');

async function retry<T>(step: (turn: RetryTurn) => Promise<T>, policy: RetryPolicy, clock: RetryClock, deferred: boolean): Promise<T> {
  const deadline = clock.now() + policy.budgetMs;
  let owed = 0;
  const turn: RetryTurn = {
    beforeContendedWrite: async () => {
      if (owed === 0) return;
      const delay = owed;
      owed = 0;
      await clock.sleep(delay);
      throw START_OVER;
    },
  };
  for (let attempt = 0; ; ) {
    const started = clock.now();
    try {
      return await step(turn);
    } catch (error) {
      if (error === START_OVER) continue;
      if (!isVersionConflict(error)) throw error;
      const took = clock.now() - started;
      const ceiling = Math.min(policy.maxDelayMs, Math.max(policy.baseDelayMs * 2 ** attempt, policy.latencyFactor * took));
      attempt++;
      const delay = clock.random() * ceiling;
      if (clock.now() + delay >= deadline) throw error;
      if (deferred) owed = delay;
      else await clock.sleep(delay);
    }
  }
}

/** Only a lost race is worth another run; other conflicts (a reused key, a full case) stay as they are. */
const isVersionConflict = (error: unknown): boolean => error instanceof ConflictError && error.code === 'version_conflict';
