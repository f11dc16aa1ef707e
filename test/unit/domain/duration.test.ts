import { describe, expect, it } from 'vitest';
import { addDuration, durationToMillis, IsoDurationSchema } from '../../../functions/domain/duration.ts';

describe('ISO-8601 durations', () => {
  it.each([
    ['P3D', 3 * 86_400_000],
    ['PT15M', 15 * 60_000],
    ['P1W', 7 * 86_400_000],
    ['P1DT2H3M4S', 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_000],
    ['PT0S', 0],
  ])('%s lasts %i ms', (duration, millis) => {
    expect(IsoDurationSchema.safeParse(duration).success).toBe(true);
    expect(durationToMillis(duration)).toBe(millis);
  });

  it.each(['P1M', 'P1Y', 'P', 'PT', '3D', 'P-1D', 'P1.5D'])('rejects %s (no fixed length or malformed)', (duration) => {
    expect(IsoDurationSchema.safeParse(duration).success).toBe(false);
  });

  it('adds a duration to an instant', () => {
    expect(addDuration('2026-11-25T09:00:00.000Z', 'P3D')).toBe('2026-11-28T09:00:00.000Z');
  });
});
