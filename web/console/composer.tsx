import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyBody } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useAttachments } from './attachments.ts';
import { useConsole } from './context.ts';
import { useReplyDraft } from './reply-draft.ts';
import { TemplatePicker } from './template-picker.tsx';

export type ComposerMode = 'reply' | 'note';

export interface Composed {
  mode: ComposerMode;
  text: string;
  includeHistory: boolean;
  resolve: boolean;
  /** Uploaded files for a reply. */
  attachments: NonNullable<ReplyBody['attachments']>;
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
  onError: (error: unknown) => void;
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

  const attachments = useAttachments(api, props.caseId);
  const attached = mode === 'reply' ? attachments.ready() : [];

  const send = async (resolve: boolean) => {
    const text = texts[mode].trim();
    if (!text || busy || !attached) return;
    setBusy(true);
    try {
      if (mode === 'reply') await draft.settle();
      if (await props.onSend({ mode, text, includeHistory, resolve, attachments: attached })) {
        setTexts((all) => ({ ...all, [mode]: '' }));
        if (mode === 'reply') {
          draft.sent();
          attachments.clear();
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const edit = (value: string) => {
    setTexts((all) => ({ ...all, [mode]: value }));
    if (mode === 'reply') draft.change(value, includeHistory);
  };

  /** Puts a template's text where the cursor is (replacing a selection), and the cursor after it. */
  const insert = (inserted: string) => {
    const field = area.current;
    const current = texts[mode];
    const start = field?.selectionStart ?? current.length;
    const end = field?.selectionEnd ?? current.length;
    edit(current.slice(0, start) + inserted + current.slice(end));
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + inserted.length, start + inserted.length);
    });
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
        onInput={(event) => edit(event.currentTarget.value)}
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
      <div class="composer-tools">
        <TemplatePicker caseId={props.caseId} kind={mode} onInsert={insert} onError={props.onError} />
        {mode === 'reply' && (
          <label>
            {t('compose.attach')}{' '}
            <input
              type="file"
              multiple
              onChange={(event) => {
                if (event.currentTarget.files) attachments.add(event.currentTarget.files);
                event.currentTarget.value = '';
              }}
            />
          </label>
        )}
      </div>
      {mode === 'reply' && attachments.files.length > 0 && (
        <ul class="attachments" aria-label={t('compose.attachments')}>
          {attachments.files.map((file) => (
            <li key={file.id}>
              {file.filename} ({Math.ceil(file.size / 1024)} KB) — <span aria-live="polite">{t(`compose.file.${file.state}`)}</span>{' '}
              <button type="button" onClick={() => attachments.remove(file.id)}>
                {t('compose.removeFile', { name: file.filename })}
              </button>
            </li>
          ))}
        </ul>
      )}
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
        <button type="submit" disabled={busy || !attached}>
          {t(mode === 'reply' ? 'compose.send' : 'compose.addNote')}
        </button>
        {mode === 'reply' && props.canResolve && (
          <button type="button" disabled={busy || !attached} onClick={() => void send(true)}>
            {t('compose.sendAndResolve')}
          </button>
        )}
      </div>
    </form>
  );
}
