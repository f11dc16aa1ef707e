import { useRef } from 'preact/hooks';
import type { Language, Translator } from '../shared/i18n.ts';
import { ATTACHMENT_LIMITS } from './attachment-limits.ts';
import { fileSize } from './chosen-files.ts';
import type { Chosen } from './use-attachments.ts';

interface Props {
  files: Chosen[];
  /** The API's issue with the files, from the last send: the field is at fault. */
  issue: string | undefined;
  /** Why files just chosen were left out. */
  note: string;
  busy: boolean;
  language: Language;
  t: Translator['t'];
  onChoose: (files: File[]) => void;
  onRemove: (id: number) => void;
}

/**
 * The files to attach: a file input for several at once, the limits said up front, and the chosen
 * ones listed with their sizes, each with a button to take it out. What is said about the files sits
 * in a polite live region, so a file left out right after choosing is announced, not only shown.
 */
export function FileField({ files, issue, note, busy, language, t, onChoose, onRemove }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const said = issue ?? note;
  return (
    <div class="field">
      <label for="files">{t('field.files')}</label>
      <p id="files-hint" class="hint">
        {t('files.hint', { count: ATTACHMENT_LIMITS.maxFiles, size: fileSize(ATTACHMENT_LIMITS.maxBytes, language) })}
      </p>
      <input
        ref={input}
        id="files"
        type="file"
        multiple
        accept={ATTACHMENT_LIMITS.types.join(',')}
        disabled={busy}
        aria-describedby={said ? 'files-hint files-issue' : 'files-hint'}
        {...(issue ? { 'aria-invalid': true } : {})}
        onChange={(event) => {
          const chosen = event.currentTarget.files;
          if (chosen) onChoose([...chosen]);
          // Emptied, so choosing a file taken out a moment ago counts as a change again.
          event.currentTarget.value = '';
        }}
      />
      <p id="files-issue" class="issue" aria-live="polite">
        {said}
      </p>
      {files.length > 0 && (
        <ul class="files" aria-label={t('files.list')}>
          {files.map(({ id, file }) => (
            <li key={id}>
              <span class="file">
                {file.name} ({fileSize(file.size, language)})
              </span>
              <button
                type="button"
                class="remove"
                disabled={busy}
                aria-label={t('files.removeNamed', { name: file.name })}
                onClick={() => {
                  onRemove(id);
                  // The button goes with its file: focus stays in the field instead of falling to the page.
                  input.current?.focus();
                }}
              >
                {t('files.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
