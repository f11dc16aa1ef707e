import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/domain/errors.ts';
import { retryBackingOffBeforeWrite, retryOnConflict, type RetryClock } from '../../../functions/shared/retry-on-conflict.ts';

const policy = { budgetMs: 1_000, baseDelayMs: 10, maxDelayMs: 200, latencyFactor: 4 };

/** A clock that only moves when the retry sleeps, recording each pause. */
function fakeClock(random = () => 1): RetryClock & { pauses: number[] } {
  let time = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => time,
    sleep: async (ms) => {
      pauses.push(ms);
      time += ms;
    },
    random,
  };
}

const lostRace = () => new ConflictError('case changed');

describe('retryOnConflict', () => {
  it('runs the step again after each lost race until it lands', async () => {
    let runs = 0;
    const clock = fakeClock();

    const result = await retryOnConflict(
      async () => {
        runs++;
        if (runs < 4) throw lostRace();
        return 'saved';
      },
      policy,
      clock,
    );

    expect(result).toBe('saved');
    expect(clock.pauses).toEqual([10, 20, 40]);
  });

  it('caps the backoff and scales it by the jitter', async () => {
    let runs = 0;
    const clock = fakeClock(() => 0.5);

    await retryOnConflict(
      async () => {
        if (++runs < 8) throw lostRace();
      },
      policy,
      clock,
    );

    expect(clock.pauses).toEqual([5, 10, 20, 40, 80, 100, 100]);
  });

  it('widens the window after an attempt that lost in a long queue', async () => {
    let runs = 0;
    const clock = fakeClock();

    await retryOnConflict(
      async () => {
        runs++;
        if (runs === 1) {
          await clock.sleep(30);
          throw lostRace();
        }
      },
      policy,
      clock,
    );

    expect(clock.pauses).toEqual([30, 120]);
  });

  it('gives up with the last conflict once the next pause would pass the budget', async () => {
    const clock = fakeClock();

    const attempt = retryOnConflict(async () => Promise.reject(lostRace()), policy, clock);

    await expect(attempt).rejects.toMatchObject({ code: 'version_conflict' });
    expect(clock.pauses.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(policy.budgetMs);
    expect(clock.pauses.at(-1)).toBe(200);
  });

  it('throws any other error at once', async () => {
    const clock = fakeClock();
    let runs = 0;
    const reused = new ConflictError('key reused', 'idempotency_key_reused');

    const attempt = retryOnConflict(
      async () => {
        runs++;
        throw reused;
      },
      policy,
      clock,
    );

    await expect(attempt).rejects.toBe(reused);
    expect(runs).toBe(1);
  });
});

describe('retryBackingOffBeforeWrite', () => {
  it('decides again at once after a lost race when the next write cannot lose (an append)', async () => {
    const clock = fakeClock();
    const reads: number[] = [];

    const result = await retryBackingOffBeforeWrite(
      async () => {
        reads.push(clock.now());
        if (reads.length === 1) throw lostRace();
        return 'appended';
      },
      policy,
      clock,
    );

    expect(result).toBe('appended');
    expect(clock.pauses).toEqual([]);
    expect(reads).toEqual([0, 0]);
  });

  it('waits out the backoff before a write that can lose again, then starts over on a fresh read', async () => {
    const clock = fakeClock();
    const reads: number[] = [];
    const writes: number[] = [];

    await retryBackingOffBeforeWrite(
      async (turn) => {
        reads.push(clock.now());
        await turn.beforeContendedWrite();
        writes.push(clock.now());
        if (writes.length < 3) throw lostRace();
      },
      policy,
      clock,
    );

    expect(clock.pauses).toEqual([10, 20]);
    // Each wait is followed by a new read: the write never goes out on what was read before it.
    expect(reads).toEqual([0, 0, 10, 10, 30]);
    expect(writes).toEqual([0, 10, 30]);
  });

  it('does not wait before the first write, nor after an append that lost', async () => {
    const clock = fakeClock();
    let runs = 0;

    await retryBackingOffBeforeWrite(
      async (turn) => {
        runs++;
        if (runs === 1) {
          await turn.beforeContendedWrite();
          throw lostRace();
        }
        if (runs === 2) throw lostRace();
      },
      policy,
      clock,
    );

    expect(runs).toBe(3);
    expect(clock.pauses).toEqual([]);
  });

  it('keeps to the budget like retryOnConflict', async () => {
    const clock = fakeClock();

    const attempt = retryBackingOffBeforeWrite(async (turn) => {
      await turn.beforeContendedWrite();
      throw lostRace();
    }, policy, clock);

    await expect(attempt).rejects.toMatchObject({ code: 'version_conflict' });
    expect(clock.pauses.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(policy.budgetMs);
  });
});
