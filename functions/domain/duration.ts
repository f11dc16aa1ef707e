import * as z from 'zod';

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * ISO-8601 durations without years and months: those have no fixed length, and a timer must
 * fire at one well-defined instant.
 */
export const IsoDurationSchema = z
  .string()
  .refine((s) => PATTERN.test(s) && s !== 'P' && !s.endsWith('T'), {
    message: 'expected an ISO-8601 duration in weeks, days, hours, minutes or seconds, e.g. P3D or PT15M',
  });

/** Milliseconds in an ISO-8601 duration accepted by {@link IsoDurationSchema}. */
export function durationToMillis(duration: string): number {
  const match = PATTERN.exec(duration);
  if (!match) throw new RangeError(`not a supported ISO-8601 duration: ${duration}`);
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number,
  ];
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

/** The instant `duration` after `isoTime`, as an ISO string. */
export function addDuration(isoTime: string, duration: string): string {
  return new Date(Date.parse(isoTime) + durationToMillis(duration)).toISOString();
}

export function addDays(isoTime: string, days: number): string {
  return new Date(Date.parse(isoTime) + days * 86_400_000).toISOString();
}
