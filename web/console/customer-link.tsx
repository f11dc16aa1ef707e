import { useState } from 'preact/hooks';
import { ApiError } from '../shared/api-client.ts';
import type { CustomerResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';

type Run = (method: string, path: string, body?: unknown) => Promise<boolean>;

/**
 * Links the case to a customer record found by e-mail, for a case that reached the wrong record (or
 * none): the agent sees whom they found before linking.
 */
export function CustomerLink({ linked, run }: { linked: string | null; run: Run }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<CustomerResponse['customer'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <details class="customer-link">
      <summary>{t(linked ? 'customerLink.relink' : 'customerLink.link')}</summary>
      <form
        class="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          setFound(null);
          try {
            const { data } = await api<CustomerResponse>('GET', `/customers?email=${encodeURIComponent(email.trim())}`);
            setFound(data!.customer);
            setProblem(null);
          } catch (error) {
            setProblem(error instanceof ApiError && error.status === 404 ? t('customerLink.none') : String(error));
          }
        }}
      >
        <label>
          {t('customer.email')} <input type="text" inputMode="email" value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
        </label>
        <button type="submit">{t('customerLink.find')}</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {found && (
        <p>
          {found.name ?? found.email}{' '}
          {found.id === linked ? (
            <span>{t('customerLink.already')}</span>
          ) : (
            <button type="button" onClick={() => void run('PUT', '/customer', { customerId: found.id }).then((ok) => ok && setFound(null))}>
              {t('customerLink.confirm')}
            </button>
          )}
        </p>
      )}
    </details>
  );
}
