import { useState } from 'preact/hooks';
import { useI18n } from '../shared/i18n.ts';
import type { PortalConfig } from '../shared/runtime-config.ts';
import { changePassword, CognitoRefused } from './customer-session.ts';

/** The customer's new password, straight with the customer pool: the current one proves it is them. */
export function ChangePassword({ pool }: { pool: PortalConfig['customerPool'] }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <form
        class="stacked"
        onSubmit={async (event) => {
          event.preventDefault();
          if (next !== again) return setOutcome({ ok: false, text: t('password.differ') });
          try {
            await changePassword(pool, current, next);
            setCurrent('');
            setNext('');
            setAgain('');
            setOutcome({ ok: true, text: t('password.changed') });
          } catch (error) {
            const refused = error instanceof CognitoRefused ? error : null;
            setOutcome({
              ok: false,
              text:
                refused?.type === 'NotAuthorizedException' ? t('password.wrong')
                : refused?.type === 'InvalidPasswordException' ? t('activate.passwordRules')
                : t('link.failed', { message: (error as Error).message }),
            });
          }
        }}
      >
        <label for="current-password">{t('password.current')}</label>
        <input id="current-password" type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        <label for="new-password">{t('password.new')}</label>
        <input id="new-password" type="password" autocomplete="new-password" required value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        <label for="new-password-again">{t('activate.passwordAgain')}</label>
        <input id="new-password-again" type="password" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
        {outcome && (
          <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'notice' : 'field-issue'}>
            {outcome.text}
          </p>
        )}
        <button type="submit">{t('password.button')}</button>
      </form>
    </section>
  );
}
