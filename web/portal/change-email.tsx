import { useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import { useI18n } from '../shared/i18n.ts';

/**
 * The account's address, and a new one to move to: the helpdesk mails a link there, and the address
 * changes only when that link is opened (confirm-email-page.tsx), so a typo never locks anyone out.
 */
export function ChangeEmail({ api, email }: { api: Api; email: string | null }) {
  const { t } = useI18n();
  const [next, setNext] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const ask = async () => {
    try {
      await api('POST', '/my/email-change', { body: { email: next.trim() } });
      setOutcome({ ok: true, text: t('email.sent', { email: next.trim() }) });
      setNext('');
    } catch (error) {
      const refused = error instanceof ApiError ? error : null;
      setOutcome({
        ok: false,
        text:
          refused?.status === 400 ? (refused.issues.map((issue) => issue.message).join('; ') || refused.message)
          : refused?.status === 429 ? t('email.tooMany')
          : t('link.failed', { message: (error as Error).message }),
      });
    }
  };

  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{t('email.title')}</h2>
      <p>
        {t('email.current')} <strong>{email}</strong>
      </p>
      <form
        class="stacked"
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
        }}
      >
        <label for="new-email">{t('email.new')}</label>
        <input
          id="new-email"
          type="email"
          autocomplete="email"
          required
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
          aria-describedby="new-email-help"
          {...(outcome && !outcome.ok ? { 'aria-invalid': true } : {})}
        />
        <p id="new-email-help" class="hint">
          {t('email.help')}
        </p>
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'notice' : 'field-issue'}>
            {outcome.text}
          </p>
        )}
        <button type="submit">{t('email.button')}</button>
      </form>
    </section>
  );
}
