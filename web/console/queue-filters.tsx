import { useI18n } from '../shared/i18n.ts';
import { FILTER_STATUSES } from './choices.ts';
import { PrioritySelect } from './priority-select.tsx';

export interface Filters {
  status?: string;
  priority?: string;
  category?: string;
  inbox?: string;
  highlighted?: 'true';
}


/** The filters a queue takes (the API applies them in the same Query), kept in the page's address. */
export function readFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of ['status', 'priority', 'category', 'inbox'] as const) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  if (params.get('highlighted') === 'true') filters.highlighted = 'true';
  return filters;
}

export const filterQuery = (filters: Filters): string => new URLSearchParams(filters as Record<string, string>).toString();

export function QueueFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useI18n();
  const set = (key: keyof Filters, value: string) => {
    const next = { ...filters };
    if (value) (next as Record<string, string>)[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <form class="filters" role="search" aria-label={t('filter.title')} onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('column.status')}{' '}
        <select value={filters.status ?? ''} onChange={(event) => set('status', event.currentTarget.value)}>
          <option value="">{t('filter.any')}</option>
          {FILTER_STATUSES.map((status) => (
            <option value={status} key={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <PrioritySelect value={filters.priority ?? ''} onChange={(value) => set('priority', value)} anyLabel={t('filter.any')} />
      <label>
        {t('case.category')}{' '}
        <input type="text" value={filters.category ?? ''} onChange={(event) => set('category', event.currentTarget.value.trim())} />
      </label>
      <label>
        {t('case.inbox')}{' '}
        <input type="text" value={filters.inbox ?? ''} onChange={(event) => set('inbox', event.currentTarget.value.trim())} />
      </label>
      <label class="check">
        <input type="checkbox" checked={filters.highlighted === 'true'} onChange={(event) => set('highlighted', event.currentTarget.checked ? 'true' : '')} />
        {t('filter.highlighted')}
      </label>
    </form>
  );
}
