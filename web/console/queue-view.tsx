import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseList, CaseSummary, QueueName } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';
import { isTyping } from './keyboard.ts';
import { usePolled } from './polling.ts';
import { type Filters, filterQuery, QueueFilters, readFilters } from './queue-filters.tsx';
import { navigate, pathOf } from './router.ts';

const PAGE = 50;

/** One work queue: the first page kept fresh by polling, older pages on request; j/k and Enter work it. */
export function QueueView({ queue }: { queue: QueueName }) {
  const { t, dateTime } = useI18n();
  const { api, nameOf } = useConsole();
  const [filters, setFilters] = useState<Filters>(() => readFilters(location.search));
  const query = [`limit=${PAGE}`, filterQuery(filters)].filter(Boolean).join('&');
  const first = usePolled<CaseList>(api, `/queues/${queue}?${query}`);
  const [older, setOlder] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [selected, setSelected] = useState(0);
  const rows = useRef<HTMLTableSectionElement>(null);

  const filter = (next: Filters) => {
    const search = filterQuery(next);
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
    setFilters(next);
    setOlder([]);
    setCursor(undefined);
    setSelected(0);
  };

  const cases = [...(first.data?.items ?? []), ...older];
  const nextCursor = cursor === undefined ? first.data?.nextCursor : cursor;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const links = [...(rows.current?.querySelectorAll<HTMLAnchorElement>('a.case-link') ?? [])];
        const focused = links.indexOf(document.activeElement as HTMLAnchorElement);
        // The first press lands on the selected row; later ones move from it.
        const next = focused === -1 ? selected : Math.max(0, Math.min(links.length - 1, focused + (event.key === 'j' ? 1 : -1)));
        links[next]?.focus();
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement) && cases[selected]) {
        event.preventDefault();
        navigate({ view: 'case', caseId: cases[selected].id });
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [cases, selected]);

  const more = async () => {
    if (!nextCursor) return;
    const page = await api<CaseList>('GET', `/queues/${queue}?${query}&cursor=${encodeURIComponent(nextCursor)}`);
    setOlder((shown) => [...shown, ...(page.data?.items ?? [])]);
    setCursor(page.data?.nextCursor ?? null);
  };

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t(`queue.${queue}`)}</h1>
      <QueueFilters filters={filters} onChange={filter} />
      {first.error && <p role="alert">{t('error.generic', { message: first.error.message })}</p>}
      {!first.data && !first.error && <p>{t('queue.loading')}</p>}
      {first.data && cases.length === 0 && <p>{t('queue.empty')}</p>}
      {cases.length > 0 && (
        <table class="queue">
          <thead>
            <tr>
              <th scope="col">{t('column.number')}</th>
              <th scope="col">{t('column.title')}</th>
              <th scope="col">{t('column.status')}</th>
              <th scope="col">{t('column.priority')}</th>
              <th scope="col">{t('column.assignee')}</th>
              <th scope="col">{queue === 'waiting' ? t('column.due') : t('column.updated')}</th>
            </tr>
          </thead>
          <tbody ref={rows}>
            {cases.map((c, index) => (
              <tr key={c.id} class={`${c.highlighted ? 'highlighted' : ''} ${index === selected ? 'selected' : ''}`}>
                <td>#{c.number}</td>
                <td>
                  <a
                    class="case-link"
                    href={pathOf({ view: 'case', caseId: c.id })}
                    onFocus={() => setSelected(index)}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ view: 'case', caseId: c.id });
                    }}
                  >
                    {c.title || '—'}
                  </a>
                  {c.highlighted && <span class="badge">{t('queue.highlighted')}</span>}
                </td>
                <td>{c.labels.tenant}</td>
                <td>{t(`priority.${c.priority}`)}</td>
                <td>{c.assigneeId ? nameOf(c.assigneeId) : '—'}</td>
                <td>{queue === 'waiting' && c.dueAt ? dateTime(c.dueAt) : dateTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" onClick={() => void more()}>
          {t('queue.more')}
        </button>
      )}
    </section>
  );
}
