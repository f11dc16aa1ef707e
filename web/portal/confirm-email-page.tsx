import { useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import { useI18n } from '../shared/i18n.ts';

type Shown = { kind: 'ready' } | { kind: 'busy' } | { kind: 'confirmed'; email: string } | { kind: 'refused'; text: string };

/**
 * The page the confirmation mail's link opens, signed in or not: one button, so a mail scanner that
 * follows links does not confirm for the customer. The token is after `#`, out of every server log.
 */
export function ConfirmEmailPage({ api }: { api: Api }) {
  const { t } = useI18n();
  const [token] = useState(() => decodeURIComponent(location.hash.slice(1)));
  const [shown, setShown] = useState<Shown>(token ? { kind: 'ready' } : { kind: 'refused', text: t('email.invalid') });

  const confirm = async () => {
    setShown({ kind: 'busy' });
    try {
      const { data } = await api<{ email: string }>('POST', '/public/email-change', { headers: { 'x-confirmation-token': token } });
      setShown({ kind: 'confirmed', email: data!.email });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : null;
      const known: Record<string, string> = {
        email_change_used: t('email.used'),
        email_change_expired: t('email.expired'),
        email_change_gone: t('email.gone'),
        email_taken: t('email.taken'),
        not_found: t('email.invalid'),
      };
      setShown({ kind: 'refused', text: (code && known[code]) ?? t('link.failed', { message: (error as Error).message }) });
    }
  };

  return (
    <section aria-labelledby="confirm-email-title">
      <h1 id="confirm-email-title">{t('email.confirmTitle')}</h1>
      {shown.kind === 'confirmed' ? (
        <p role="status" class="notice">
          {t('email.confirmed', { email: shown.email })}
        </p>
      ) : shown.kind === 'refused' ? (
        <p role="alert">{shown.text}</p>
      ) : (
        <>
          <p>{t('email.confirmHelp')}</p>
          <button type="button" disabled={shown.kind === 'busy'} onClick={() => void confirm()}>
            {t('email.confirm')}
          </button>
        </>
      )}
    </section>
  );
}
