import { useState } from 'preact/hooks';
import { useI18n } from '../shared/i18n.ts';

type Issues = { path: string; message: string }[];
type Field = 'password' | 'passwordAgain' | 'acceptTerms';

/** Password twice and the terms, as "5 ways" registers; the API's field issues are shown at their fields. */
export function RegistrationForm(props: { email: string; termsUrl: string | null; onSubmit: (body: object) => Promise<Issues> }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [passwordAgain, setPasswordAgain] = useState('');
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [issues, setIssues] = useState<Issues>([]);
  const [busy, setBusy] = useState(false);
  const issueOf = (field: Field) =>
    issues
      .filter((issue) => issue.path === `body.${field}`)
      .map((issue) => issue.message)
      .join('; ');

  const described = (field: Field) => (issueOf(field) ? { 'aria-invalid': true, 'aria-describedby': `${field}-issue` } : {});
  const issue = (field: Field) =>
    issueOf(field) && (
      <p id={`${field}-issue`} class="field-issue">
        {issueOf(field)}
      </p>
    );

  return (
    <form
      class="stacked"
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        setBusy(true);
        setIssues(await props.onSubmit({ password, passwordAgain, acceptTerms }));
        setBusy(false);
      }}
    >
      <p>
        {t('activate.email')} <strong>{props.email}</strong>
      </p>
      <label for="password">{t('activate.password')}</label>
      <input id="password" type="password" autocomplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} {...described('password')} />
      <p class="hint">{t('activate.passwordRules')}</p>
      {issue('password')}
      <label for="passwordAgain">{t('activate.passwordAgain')}</label>
      <input
        id="passwordAgain"
        type="password"
        autocomplete="new-password"
        value={passwordAgain}
        onInput={(e) => setPasswordAgain(e.currentTarget.value)}
        {...described('passwordAgain')}
      />
      {issue('passwordAgain')}
      <label class="check">
        <input type="checkbox" checked={acceptTerms} onChange={(e) => setAcceptTerms(e.currentTarget.checked)} {...described('acceptTerms')} />
        {props.termsUrl ? (
          <span>
            {t('activate.acceptTerms')}{' '}
            <a href={props.termsUrl} target="_blank" rel="noopener">
              {t('activate.terms')}
            </a>
          </span>
        ) : (
          <span>{t('activate.acceptTerms')}</span>
        )}
      </label>
      {issue('acceptTerms')}
      <button type="submit" disabled={busy}>
        {t('activate.registerButton')}
      </button>
    </form>
  );
}
