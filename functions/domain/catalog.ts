import type { FieldIssue } from './errors.ts';
import type { TenantSettings } from './tenant-settings.ts';

interface CatalogFields {
  category?: string | null;
  type?: string | null;
  slaLevel?: string | null;
}

const LISTS = { category: 'categories', type: 'types', slaLevel: 'slaLevels' } as const;

/** Values must come from the tenant's lists when the tenant defines one; an empty list allows any value. */
export function catalogIssues(fields: CatalogFields, settings: TenantSettings, prefix = 'body'): FieldIssue[] {
  return (Object.keys(LISTS) as (keyof typeof LISTS)[]).flatMap((field) => {
    const value = fields[field];
    const allowed = settings[LISTS[field]];
    if (value == null || allowed.length === 0 || allowed.includes(value)) return [];
    return [{ path: `${prefix}.${field}`, message: `must be one of: ${allowed.join(', ')}` }];
  });
}
