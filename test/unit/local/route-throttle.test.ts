import { describe, expect, it } from 'vitest';
import { RouteThrottle } from '../../../local/route-throttle.ts';

describe('RouteThrottle', () => {
  it('lets a burst through, refuses the next, and refills at the rate', () => {
    let now = 0;
    const throttle = new RouteThrottle(() => now);
    const limit = { rate: 10, burst: 3 };

    const burst = [1, 2, 3, 4].map(() => throttle.take('GET /public/case', limit));
    now += 100;
    const afterATenth = throttle.take('GET /public/case', limit);
    const rightAfter = throttle.take('GET /public/case', limit);

    expect(burst).toEqual([true, true, true, false]);
    expect([afterATenth, rightAfter]).toEqual([true, false]);
  });

  it('keeps a bucket per route', () => {
    const throttle = new RouteThrottle(() => 0);
    const limit = { rate: 1, burst: 1 };

    expect([throttle.take('GET /a', limit), throttle.take('GET /a', limit), throttle.take('POST /a', limit)]).toEqual([true, false, true]);
  });
});
