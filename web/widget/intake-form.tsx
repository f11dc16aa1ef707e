import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translator } from '../shared/i18n.ts';
import { ATTACHMENT_LIMITS } from './attachment-limits.ts';
import { fileSize, type Refusal } from './chosen-files.ts';
import { FileField } from './file-field.tsx';
import { checkValues, EMPTY, type FieldIssues, intakeBody, issuesByField, SHOWN, type Shown, type Values } from './intake-fields.ts';
import { submitIntake } from './submit-intake.ts';
import { useAttachments } from './use-attachments.ts';
import type { WidgetProps } from './widget.tsx';

type Props = WidgetProps & { t: Translator['t']; onSent: () => void };
type Typed = Exclude<Shown, 'files'>;

/**
 * The intake form: checked in the browser first, then by the API, whose field issues land at the
 * same fields. Each failed attempt is said in the alert and focus goes to the first field at fault,
 * which names its issue through aria-describedby; the sent form gives way to "check your e-mail".
 * Chosen files are uploaded first, each announced as it goes; one that fails is named in the alert
 * and the form stays as it was, to be sent again.
 */
export function IntakeForm({ api, language, externalCustomerId, t, onSent }: Props) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [fileNote, setFileNote] = useState('');
  const attachments = useAttachments(api);
  const [done, setDone] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const thanks = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const first = SHOWN.find((field) => issues[field]);
    if (first) form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
  }, [issues]);
  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);

  const refuse = (found: FieldIssues, message: string) => {
    setIssues(found);
    setAlert(message);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = checkValues(values, t);
    if (Object.keys(found).length > 0) return refuse(found, t('form.fix'));
    setBusy(true);
    setAlert('');
    const count = attachments.files.length;
    const uploads = await attachments.upload((name, position) => setProgress(t('files.uploading', { name, position, count })));
    setProgress('');
    if (uploads.kind !== 'uploaded') {
      setBusy(false);
      return refuse({}, t(`files.${uploads.kind}`, { name: uploads.name, reason: uploads.message ?? '' }));
    }
    const outcome = await submitIntake(api, intakeBody(values, { language, externalCustomerId }, uploads.attachments));
    setBusy(false);
    if (outcome.kind === 'accepted') {
      setDone(true);
      onSent();
    } else if (outcome.kind === 'invalid') {
      const { fields, other } = issuesByField(outcome.issues, t);
      if (fields.files) attachments.forgetUploads();
      refuse(fields, [...(Object.keys(fields).length > 0 ? [t('form.fix')] : []), ...(other ? [t('form.failed')] : [])].join(' '));
    } else {
      refuse({}, t(outcome.kind === 'too-many' ? 'form.tooMany' : 'form.failed'));
    }
  };

  const leftOut = (refusal: Refusal) =>
    refusal.reason === 'count'
      ? t('files.count', { count: ATTACHMENT_LIMITS.maxFiles })
      : t(`files.${refusal.reason}`, { name: refusal.name, size: fileSize(ATTACHMENT_LIMITS.maxBytes, language) });

  const control = (name: Typed) => ({
    id: name,
    name,
    value: values[name],
    onInput: (event: Event) => setValues({ ...values, [name]: (event.currentTarget as HTMLInputElement).value }),
    ...(issues[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-issue` } : {}),
  });
  const row = (name: Typed, children: ComponentChildren) => (
    <div class="field">
      <label for={name}>{t(`field.${name}`)}</label>
      {children}
      {issues[name] && (
        <p id={`${name}-issue`} class="issue">
          {issues[name]}
        </p>
      )}
    </div>
  );

  if (done) {
    return (
      <div ref={thanks} class="thanks" role="status" tabIndex={-1} data-focus>
        <p>
          <strong>{t('done.title')}</strong>
        </p>
        <p>{t('done.text')}</p>
      </div>
    );
  }
  return (
    <form ref={form} noValidate onSubmit={submit}>
      <p class="intro">{t('widget.intro')}</p>
      {row('name', <input type="text" autocomplete="name" maxLength={200} required data-focus {...control('name')} />)}
      {row('email', <input type="email" autocomplete="email" maxLength={320} required {...control('email')} />)}
      {row('phone', <input type="tel" autocomplete="tel" maxLength={30} {...control('phone')} />)}
      {row('subject', <input type="text" maxLength={200} required {...control('subject')} />)}
      {row('message', <textarea rows={5} maxLength={20_000} required {...control('message')} />)}
      <FileField
        files={attachments.files}
        issue={issues.files}
        note={fileNote}
        busy={busy}
        language={language}
        t={t}
        onChoose={(chosen) => setFileNote(attachments.choose(chosen).map(leftOut).join(' '))}
        onRemove={attachments.remove}
      />
      {/* The honeypot: people neither see it nor reach it, so whatever is in it was put there by a bot. */}
      <div class="trap" aria-hidden="true">
        <label for="website">{t('field.website')}</label>
        <input
          id="website"
          name="website"
          type="text"
          tabIndex={-1}
          autocomplete="off"
          value={values.website}
          onInput={(event) => setValues({ ...values, website: event.currentTarget.value })}
        />
      </div>
      <p role="alert" class="alert">
        {alert}
      </p>
      <p role="status" class="progress">
        {progress}
      </p>
      <button type="submit" class="send" aria-disabled={busy}>
        {busy ? t('form.sending') : t('form.send')}
      </button>
    </form>
  );
}
