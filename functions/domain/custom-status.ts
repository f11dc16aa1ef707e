import type { CaseStatus } from './case.ts';
import type { FieldIssue } from './errors.ts';
import type { TenantSettings } from './tenant-settings.ts';

/**
 * A tenant's custom status is a label over one system status, so it can only be chosen while the
 * case is in that status; changing the system status clears it.
 */
export function customStatusIssue(
  customStatusId: string | null,
  status: CaseStatus,
  settings: TenantSettings,
  prefix: string,
): FieldIssue[] {
  if (customStatusId === null) return [];
  const custom = settings.customStatuses.find((s) => s.id === customStatusId);
  const path = `${prefix}.customStatusId`;
  if (!custom) {
    const known = settings.customStatuses.map((s) => s.id);
    return [{ path, message: known.length > 0 ? `unknown custom status; known: ${known.join(', ')}` : 'this tenant defines no custom statuses' }];
  }
  if (custom.systemStatus !== status) {
    return [{ path, message: `'${custom.label}' applies to ${custom.systemStatus} cases; this case is ${status}` }];
  }
  return [];
}
