import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/domain/errors.ts';
import { retryOnConflict, type RetryClock } from '../../../functions/shared/retry-on-conflict.ts';

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
