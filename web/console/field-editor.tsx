import { useState } from 'preact/hooks';
import type { CaseView } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import type { Priority } from './choices.ts';
import { PrioritySelect } from './priority-select.tsx';

type Run = (method: string, path: string, body?: unknown) => Promise<boolean>;

/** The case's own fields; only what the agent changed is sent, guarded by the version they saw. */
export function FieldEditor({ current, run }: { current: CaseView; run: Run }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({
    title: current.title,
    priority: current.priority,
    category: current.category ?? '',
    type: current.type ?? '',
    inbox: current.inbox ?? '',
  });
  const changes = Object.fromEntries(
    Object.entries(draft)
      .map(([field, value]) => [field, field === 'title' || field === 'priority' ? value : value.trim() || null] as const)
      .filter(([field, value]) => value !== (current as unknown as Record<string, unknown>)[field]),
  );
  const field = (name: keyof typeof draft, label: string) => (
    <label>
      {label}{' '}
      <input type="text" value={draft[name]} onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })} />
    </label>
  );
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
        {field('title', t('edit.caseTitle'))}
        <PrioritySelect value={draft.priority} onChange={(value) => setDraft({ ...draft, priority: value as Priority })} />
        {field('category', t('case.category'))}
        {field('type', t('edit.type'))}
        {field('inbox', t('case.inbox'))}
        <button type="submit" disabled={Object.keys(changes).length === 0}>
          {t('edit.save')}
        </button>
      </form>
    </details>
  );
}
