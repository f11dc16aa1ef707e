import type { CaseList, CustomerResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';
import { CustomerDetails } from './customer-details.tsx';
import { CustomerEditor } from './customer-editor.tsx';
import { usePolled } from './polling.ts';
import { navigate, pathOf } from './router.ts';

const OTHER_CASES = 10;

/** Who the customer is and their other cases, newest first, to see a case in its context. */
export function CustomerPanel({ customerId, caseId }: { customerId: string; caseId: string }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const customer = usePolled<CustomerResponse>(api, `/customers/${encodeURIComponent(customerId)}`, 60_000);
  const cases = usePolled<CaseList>(api, `/customers/${encodeURIComponent(customerId)}/cases?limit=${OTHER_CASES + 1}`, 30_000);
  const others = (cases.data?.items ?? []).filter((c) => c.id !== caseId).slice(0, OTHER_CASES);
  const person = customer.data?.customer;
  return (
    <aside aria-labelledby="customer-title" class="customer">
      <h2 id="customer-title">{t('customer.title')}</h2>
      {person && <CustomerDetails customer={person} />}
      {person && <CustomerEditor customer={person} key={person.version} onSaved={customer.reload} />}
      <p>
        <a
          href={pathOf({ view: 'customer', customerId })}
          onClick={(event) => {
            event.preventDefault();
            navigate({ view: 'customer', customerId });
          }}
        >
          {t('customer.record')}
        </a>
      </p>
      <h3>{t('customer.otherCases')}</h3>
      {cases.data && others.length === 0 && <p>{t('customer.noOtherCases')}</p>}
      <ul>
        {others.map((c) => (
          <li key={c.id}>
            <a
              href={pathOf({ view: 'case', caseId: c.id })}
              onClick={(event) => {
                event.preventDefault();
                navigate({ view: 'case', caseId: c.id });
              }}
            >
              #{c.number} {c.title || '—'}
            </a>{' '}
            <span class="meta">{c.labels.tenant}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
