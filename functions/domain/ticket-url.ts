import type { Case } from './case.ts';
import type { TenantSettings } from './tenant-settings.ts';

/** Where the customer sees the case: the tenant's portal when it has one, else just its number. */
export const ticketUrl = (c: Pick<Case, 'number'>, settings: Pick<TenantSettings, 'portalUrl'>): string =>
  settings.portalUrl ? `${settings.portalUrl.replace(/\/$/, '')}/cases/${c.number}` : `#${c.number}`;
