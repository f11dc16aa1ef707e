import type { Route } from '../functions/routes.ts';

/**
 * API Gateway's per-route throttling, as the stage's route settings declare it in the cloud: a
 * token bucket per route, `burst` deep, refilled at `rate` per second; an empty bucket is a 429.
 */
export class RouteThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Whether a request to this route may go on now. */
  take(key: string, limit: NonNullable<Route['throttle']>): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    const tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.rate);
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    return allowed;
  }
}
