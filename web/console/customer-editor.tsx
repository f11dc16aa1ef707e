import { useState } from 'preact/hooks';
import { ApiError } from '../shared/api-client.ts';
import type { Customer, UpdateCustomerBody } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';

const FIELDS = ['name', 'email', 'phone', 'externalId'] as const;

/**
 * Corrects the customer's contact data: only what changed is sent, against the version shown, so
 * a colleague's edit in between is a conflict to reload, not something silently overwritten.
 */
export function CustomerEditor({ customer, onSaved }: { customer: Customer; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [draft, setDraft] = useState<Record<(typeof FIELDS)[number], string>>(() =>
    Object.fromEntries(FIELDS.map((field) => [field, customer[field] ?? ''])) as Record<(typeof FIELDS)[number], string>,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const changes = Object.fromEntries(
    FIELDS.map((field) => [field, draft[field].trim() || null] as const).filter(([field, value]) => value !== customer[field]),
  ) as UpdateCustomerBody;
  return (
    <details class="customer-editor">
      <summary>{t('customer.edit')}</summary>
      <form
        class="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            await api('PATCH', `/customers/${encodeURIComponent(customer.id)}`, { body: changes, ifMatch: customer.version });
            setProblem(null);
            await onSaved();
          } catch (error) {
            setProblem(error instanceof ApiError ? error.message : String(error));
          }
        }}
      >
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`customer.${field}`)}{' '}
            <input
              type="text"
              inputMode={field === 'email' ? 'email' : field === 'phone' ? 'tel' : undefined}
              value={draft[field]}
              onInput={(event) => setDraft({ ...draft, [field]: event.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit" disabled={Object.keys(changes).length === 0}>
          {t('customer.save')}
        </button>
        {problem && <p role="alert">{problem}</p>}
      </form>
    </details>
  );
}
