import { useState } from 'preact/hooks';
import { useI18n } from '../shared/i18n.ts';
import { FoldedForm } from './folded-form.tsx';
import type { Run } from './run.ts';

interface Draft {
  title: string;
  description: string;
}

const blank = (): Draft => ({ title: '', description: '' });

/** One new case's title and description, numbered for its labels. */
function CaseFields({ n, draft, onChange }: { n: number; draft: Draft; onChange: (draft: Draft) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('split.case', { n })}</legend>
      <label>
        {t('related.title')} <input required maxLength={200} value={draft.title} onInput={(event) => onChange({ ...draft, title: event.currentTarget.value })} />
      </label>
      <label>
        {t('related.description')}{' '}
        <textarea required rows={2} value={draft.description} onInput={(event) => onChange({ ...draft, description: event.currentTarget.value })} />
      </label>
    </fieldset>
  );
}

/** Split the case into new ones (2 to 20); the original then waits until the last of them ends. */
export function SplitForm({ run }: { run: Run }) {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<Draft[]>([blank(), blank()]);
  const change = (index: number) => (draft: Draft) => setDrafts(drafts.map((d, i) => (i === index ? draft : d)));
  return (
    <FoldedForm
      title={t('command.split')}
      onSubmit={async () => {
        if (await run('POST', '/split', { cases: drafts })) setDrafts([blank(), blank()]);
      }}
    >
      <p class="hint">{t('split.help')}</p>
      {drafts.map((draft, index) => (
        <CaseFields key={index} n={index + 1} draft={draft} onChange={change(index)} />
      ))}
      <p class="buttons">
        {drafts.length < 20 && (
          <button type="button" class="secondary" onClick={() => setDrafts([...drafts, blank()])}>
            {t('split.another')}
          </button>
        )}
        <button type="submit">{t('split.submit', { count: drafts.length })}</button>
      </p>
    </FoldedForm>
  );
}

/** Start a new case linked to this one, e.g. for another team; the original may wait for it. */
export function SpawnForm({ run }: { run: Run }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(blank());
  const [wait, setWait] = useState(true);
  return (
    <FoldedForm
      title={t('command.spawn')}
      onSubmit={async () => {
        if (await run('POST', '/spawn', { ...draft, wait })) setDraft(blank());
      }}
    >
      <CaseFields n={1} draft={draft} onChange={setDraft} />
      <label class="check">
        <input type="checkbox" checked={wait} onChange={(event) => setWait(event.currentTarget.checked)} />
        {t('spawn.wait')}
      </label>
      <button type="submit">{t('spawn.submit')}</button>
    </FoldedForm>
  );
}
