import { useEffect, useState } from 'preact/hooks';
import type { CaseList, CaseSummary, CustomerResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';
import { CustomerEditor } from './customer-editor.tsx';
import { CustomerDetails } from './customer-details.tsx';
import { usePolled } from './polling.ts';
import { navigate, pathOf } from './router.ts';

/** A customer record with all their cases (ID, subject, status, assignee, inbox, created, updated), newest first. */
export function CustomerPage({ customerId }: { customerId: string }) {
  const { t, dateTime } = useI18n();
  const { api, nameOf } = useConsole();
  const customer = usePolled<CustomerResponse>(api, `/customers/${encodeURIComponent(customerId)}`, 60_000);
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (cursor: string | null, before: CaseSummary[]) => {
    try {
      const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
      const { data } = await api<CaseList>('GET', `/customers/${encodeURIComponent(customerId)}/cases?${query}`);
      setCases([...before, ...data!.items]);
      setNextCursor(data!.nextCursor);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  useEffect(() => void load(null, []), [customerId]);

  const person = customer.data?.customer;
  return (
    <section aria-labelledby="record-title">
      <h1 id="record-title">{person ? (person.name ?? person.email ?? t('customer.title')) : t('customer.title')}</h1>
      {customer.error && <p role="alert">{t('error.generic', { message: customer.error.message })}</p>}
      {person && <CustomerDetails customer={person} />}
      {person && <CustomerEditor customer={person} key={person.version} onSaved={customer.reload} />}
      <h2>{t('customer.allCases')}</h2>
      {problem && <p role="alert">{t('error.generic', { message: problem })}</p>}
      {cases && cases.length === 0 && <p>{t('customer.noCases')}</p>}
      {cases && cases.length > 0 && (
        <table class="queue">
          <thead>
            <tr>
              <th scope="col">{t('column.number')}</th>
              <th scope="col">{t('column.title')}</th>
              <th scope="col">{t('column.status')}</th>
              <th scope="col">{t('column.assignee')}</th>
              <th scope="col">{t('column.inbox')}</th>
              <th scope="col">{t('column.created')}</th>
              <th scope="col">{t('column.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>#{c.number}</td>
                <td>
                  <a
                    href={pathOf({ view: 'case', caseId: c.id })}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ view: 'case', caseId: c.id });
                    }}
                  >
                    {c.title || '—'}
                  </a>
                </td>
                <td>{c.labels.tenant}</td>
                <td>{c.assigneeId ? nameOf(c.assigneeId) : '—'}</td>
                <td>{c.inbox ?? '—'}</td>
                <td>{dateTime(c.createdAt)}</td>
                <td>{dateTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && cases && (
        <button type="button" onClick={() => void load(nextCursor, cases)}>
          {t('queue.more')}
        </button>
      )}
    </section>
  );
}
