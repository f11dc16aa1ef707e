import type { Delivery } from './timeline.ts';

/** How far along a message is; a report never moves it back (SES events can arrive out of order). */
const STAGE: Record<Delivery, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, bounced: 4, complained: 4, failed: 4 };

/** The states a reply may be in for a report of `to` to apply. */
export function deliveryMayComeFrom(to: Delivery): Delivery[] {
  const from = (Object.keys(STAGE) as Delivery[]).filter((state) => STAGE[state] < STAGE[to]);
  // A complaint comes after the message was delivered; it still counts after a late bounce report.
  return to === 'complained' ? [...from, 'bounced'] : from;
}
