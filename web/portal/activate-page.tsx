import { useEffect, useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import type { ActivatedResponse, ActivationState } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { RegistrationForm } from './registration-form.tsx';

type Shown =
  | { kind: 'loading' }
  | { kind: 'state'; state: ActivationState }
  | { kind: 'activated'; result: ActivatedResponse }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string };

/** The token is after `#`, as in a case link: it never reaches a server log. */
const tokenInAddress = () => decodeURIComponent(location.hash.slice(1));

/**
 * The page an activation mail's ACTIVATE link opens: registration for an address without an
 * account, one button for a customer who has one, and a clear way on for a link that cannot be used.
 */
export function ActivatePage({ api }: { api: Api }) {
  const { t } = useI18n();
  const [token] = useState(tokenInAddress);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  const headers = { 'x-activation-token': token };

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 404) setShown({ kind: 'invalid' });
    else if (error instanceof ApiError && error.status === 410) void load();
    else setShown({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  };

  const load = async () => {
    try {
      const { data } = await api<ActivationState>('GET', '/public/activation', { headers });
      setShown({ kind: 'state', state: data! });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setShown({ kind: 'invalid' });
      else setShown({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  useEffect(() => {
    if (!token) setShown({ kind: 'invalid' });
    else void load();
  }, []);

  /** Resolves to the field issues of a refused registration, none when it went through. */
  const activate = async (body: object): Promise<{ path: string; message: string }[]> => {
    try {
      const { data } = await api<ActivatedResponse>('POST', '/public/activation', { headers, body });
      setShown({ kind: 'activated', result: data! });
      return [];
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) return error.issues;
      failed(error);
      return [];
    }
  };

  const resend = async () => {
    try {
      await api('POST', '/public/activation/resend', { headers });
      setNotice(t('activate.resent'));
    } catch (error) {
      failed(error);
    }
  };

  if (shown.kind === 'loading') return <p>{t('activate.loading')}</p>;
  if (shown.kind === 'failed') return <p role="alert">{t('link.failed', { message: shown.message })}</p>;
  if (shown.kind === 'invalid') {
    return (
      <section aria-labelledby="activate-title">
        <h1 id="activate-title">{t('activate.invalid')}</h1>
        <p>{t('activate.invalidHelp')}</p>
      </section>
    );
  }
  if (shown.kind === 'activated') {
    const { result } = shown;
    return (
      <section aria-labelledby="activate-title">
        <h1 id="activate-title">{t('activate.done', { number: result.caseNumber })}</h1>
        <p>{t(result.registered ? 'activate.doneRegistered' : 'activate.doneKnown', { email: result.email })}</p>
        <p>
          <a href={`${import.meta.env.BASE_URL}`}>{t('activate.toPanel')}</a>
        </p>
      </section>
    );
  }
  const { state } = shown;
  switch (state.state) {
    case 'register':
      return (
        <section aria-labelledby="activate-title">
          <h1 id="activate-title">{t('activate.title')}</h1>
          <p>{t('activate.registerIntro', { subject: state.subject })}</p>
          <RegistrationForm email={state.email} termsUrl={state.termsUrl} onSubmit={activate} />
        </section>
      );
    case 'activate':
      return (
        <section aria-labelledby="activate-title">
          <h1 id="activate-title">{t('activate.title')}</h1>
          <p>{t('activate.knownIntro', { subject: state.subject, email: state.email })}</p>
          <button type="button" onClick={() => void activate({})}>
            {t('activate.button')}
          </button>
        </section>
      );
    case 'used':
      return (
        <section aria-labelledby="activate-title">
          <h1 id="activate-title">{t('activate.used', { number: state.caseNumber })}</h1>
          <p>
            <a href={`${import.meta.env.BASE_URL}`}>{t('activate.toPanel')}</a>
          </p>
        </section>
      );
    case 'expired':
      return (
        <section aria-labelledby="activate-title">
          <h1 id="activate-title">{t('activate.expired')}</h1>
          {notice ? (
            <p role="status" class="notice">
              {notice}
            </p>
          ) : (
            <button type="button" onClick={() => void resend()}>
              {t('activate.resend')}
            </button>
          )}
        </section>
      );
    case 'gone':
      return (
        <section aria-labelledby="activate-title">
          <h1 id="activate-title">{t('activate.gone')}</h1>
          <p>{t('activate.goneHelp')}</p>
        </section>
      );
  }
}
