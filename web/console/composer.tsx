import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';
import { useReplyDraft } from './reply-draft.ts';

export type ComposerMode = 'reply' | 'note';

export interface Composed {
  mode: ComposerMode;
  text: string;
  includeHistory: boolean;
  resolve: boolean;
}

/**
 * Writing on a case: a public reply or a private note, told apart by colour and wording. The text
 * stays until the API has taken it, so a refused send (a conflict, a lost connection) loses nothing.
 */
export function Composer(props: {
  caseId: string;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  canResolve: boolean;
  focusSignal: number;
  onSend: (composed: Composed) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [texts, setTexts] = useState<Record<ComposerMode, string>>({ reply: '', note: '' });
  const [includeHistory, setIncludeHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const { mode } = props;
  const { api } = useConsole();
  const draft = useReplyDraft(api, props.caseId, (text, history) => {
    setTexts((all) => (all.reply === '' ? { ...all, reply: text } : all));
    setIncludeHistory(history);
  });

  useEffect(() => {
    if (props.focusSignal > 0) area.current?.focus();
  }, [props.focusSignal, mode]);

  const send = async (resolve: boolean) => {
    const text = texts[mode].trim();
    if (!text || busy) return;
    setBusy(true);
    try {
      if (await props.onSend({ mode, text, includeHistory, resolve })) {
        setTexts((all) => ({ ...all, [mode]: '' }));
        if (mode === 'reply') draft.sent();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class={`composer composer-${mode}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send(false);
      }}
    >
      <div role="tablist" aria-label={t('case.actions')}>
        {(['reply', 'note'] as const).map((tab) => (
          <button type="button" role="tab" aria-selected={tab === mode} key={tab} onClick={() => props.onModeChange(tab)}>
            {t(`compose.${tab}`)}
          </button>
        ))}
      </div>
      <label for="composer-text">{t(mode === 'reply' ? 'compose.replyLabel' : 'compose.noteLabel')}</label>
      <textarea
        id="composer-text"
        ref={area}
        rows={6}
        value={texts[mode]}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setTexts((all) => ({ ...all, [mode]: value }));
          if (mode === 'reply') draft.change(value, includeHistory);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send(false);
          } else if (event.key === 'Escape') {
            // Leaves the text as it is and gives the single-key shortcuts back.
            event.currentTarget.blur();
          }
        }}
      />
      {mode === 'reply' && (
        <label class="check">
          <input
            type="checkbox"
            checked={includeHistory}
            onChange={(event) => {
              setIncludeHistory(event.currentTarget.checked);
              draft.change(texts.reply, event.currentTarget.checked);
            }}
          />
          {t('compose.includeHistory')}
        </label>
      )}
      {mode === 'reply' && (
        <p class="draft-state" aria-live="polite">
          {draft.state === 'saved' ? t('compose.draftSaved') : draft.state === 'failed' ? t('compose.draftFailed') : ''}
        </p>
      )}
      <div class="buttons">
        <button type="submit" disabled={busy}>
          {t(mode === 'reply' ? 'compose.send' : 'compose.addNote')}
        </button>
        {mode === 'reply' && props.canResolve && (
          <button type="button" disabled={busy} onClick={() => void send(true)}>
            {t('compose.sendAndResolve')}
          </button>
        )}
      </div>
    </form>
  );
}
