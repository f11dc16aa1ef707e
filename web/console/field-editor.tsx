import { useState } from 'preact/hooks';
import type { CaseView, UpdateCaseBody } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import type { Priority } from './choices.ts';
import { useConsole } from './context.ts';
import { PrioritySelect } from './priority-select.tsx';

type Run = (method: string, path: string, body?: unknown) => Promise<boolean>;
type Draft = Required<Pick<UpdateCaseBody, 'title' | 'priority'>> & Record<'category' | 'type' | 'inbox' | 'customStatusId', string>;

/** The case's own fields; only what the agent changed is sent, guarded by the version they saw. */
export function FieldEditor({ current, run }: { current: CaseView; run: Run }) {
  const { t } = useI18n();
  const { settings } = useConsole();
  const [draft, setDraft] = useState<Draft>({
    title: current.title,
    priority: current.priority,
    category: current.category ?? '',
    type: current.type ?? '',
    inbox: current.inbox ?? '',
    customStatusId: current.customStatusId ?? '',
  });
  const changes = Object.fromEntries(
    Object.entries(draft)
      .map(([field, value]) => [field, field === 'title' || field === 'priority' ? value : value.trim() || null] as const)
      .filter(([field, value]) => value !== (current as unknown as Record<string, unknown>)[field]),
  ) as UpdateCaseBody;
  const set = (name: keyof Draft) => (event: { currentTarget: { value: string } }) => setDraft({ ...draft, [name]: event.currentTarget.value });
  const text = (name: keyof Draft, label: string) => (
    <label>
      {label} <input type="text" value={draft[name]} onInput={set(name)} />
    </label>
  );
  // A tenant that lists its categories or types accepts only those, so the console offers only those.
  const choice = (name: 'category' | 'type', label: string, options: readonly string[]) =>
    options.length === 0 ? (
      text(name, label)
    ) : (
      <label>
        {label}{' '}
        <select value={draft[name]} onChange={set(name)}>
          <option value="">—</option>
          {[...new Set([draft[name], ...options])].filter(Boolean).map((option) => (
            <option value={option} key={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
    );
  // A custom status is a label over one system status, so only those over the case's status apply.
  const statuses = settings?.customStatuses.filter((status) => status.systemStatus === current.status) ?? [];
  return (
    <details class="field-editor">
      <summary>{t('edit.title')}</summary>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (Object.keys(changes).length > 0) void run('PATCH', '', changes);
        }}
      >
        {text('title', t('edit.caseTitle'))}
        <PrioritySelect value={draft.priority} onChange={(value) => setDraft({ ...draft, priority: value as Priority })} />
        {choice('category', t('case.category'), settings?.categories ?? [])}
        {choice('type', t('edit.type'), settings?.types ?? [])}
        {text('inbox', t('case.inbox'))}
        {statuses.length > 0 && (
          <label>
            {t('edit.customStatus')}{' '}
            <select value={draft.customStatusId} onChange={set('customStatusId')}>
              <option value="">{t('edit.noCustomStatus')}</option>
              {statuses.map((status) => (
                <option value={status.id} key={status.id}>
                  {status.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" disabled={Object.keys(changes).length === 0}>
          {t('edit.save')}
        </button>
      </form>
    </details>
  );
}
