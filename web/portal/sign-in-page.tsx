import { useState } from 'preact/hooks';
import { useI18n } from '../shared/i18n.ts';
import type { PortalConfig } from '../shared/runtime-config.ts';
import { SignInRefused, signIn } from './customer-session.ts';

/** The customer signs in with the e-mail and password they registered with on activation. */
export function SignInPage({ pool, onSignedIn }: { pool: PortalConfig['customerPool']; onSignedIn: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form
        class="stacked"
        onSubmit={async (event) => {
          event.preventDefault();
          if (busy) return;
          setBusy(true);
          setProblem(null);
          try {
            await signIn(pool, email.trim(), password);
            onSignedIn();
          } catch (error) {
            setProblem(error instanceof SignInRefused ? t('signIn.refused') : t('link.failed', { message: (error as Error).message }));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label for="email">{t('signIn.email')}</label>
        <input id="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <label for="password">{t('activate.password')}</label>
        <input id="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        {problem && (
          <p role="alert" class="field-issue">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn.button')}
        </button>
      </form>
    </section>
  );
}
