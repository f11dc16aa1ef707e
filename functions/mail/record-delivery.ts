import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import type { CaseStore } from '../store/case-store.ts';
import { deliveryReport, type SesEvent } from './delivery-report.ts';

/**
 * SES's events for our configuration set, through EventBridge: each moves the reply it names
 * forward (sent → delivered, bounced, complained). Out-of-order and repeated events change
 * nothing, so EventBridge's retries are harmless; a store error is thrown for them.
 */
export async function recordDelivery(event: EventBridgeEvent<string, SesEvent>, deps: { cases: CaseStore; mailDomain: string }): Promise<void> {
  const report = deliveryReport(event.detail, deps.mailDomain);
  if (!report) return;
  const changed = await deps.cases.updateDelivery(report.caseId, report.seq, report.delivery, report.detail ? { detail: report.detail } : {});
  logger.info('delivery report', { ...report, changed });
}
