import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from '../shared/api-client.ts';
import { I18n, type Language, preferredLanguage, rememberLanguage, translator } from '../shared/i18n.ts';
import { LanguageSelect } from '../shared/language-select.tsx';
import type { PortalConfig } from '../shared/runtime-config.ts';
import { ActivatePage } from './activate-page.tsx';
import { CaseLinkPage } from './case-link-page.tsx';
import { ConfirmEmailPage } from './confirm-email-page.tsx';
import { currentToken, signOut } from './customer-session.ts';
import { MESSAGES } from './messages.ts';
import { MyCasePage } from './my-case-page.tsx';
import { MyCasesPage } from './my-cases-page.tsx';
import { NewCasePage } from './new-case-page.tsx';
import { PortalLink } from './portal-link.tsx';
import { usePortalRoute } from './portal-router.ts';
import { SettingsPage } from './settings-page.tsx';
import { SignInPage } from './sign-in-page.tsx';

/**
 * The customer's side: a case opened through its public link (`link#<token>`, no sign-in), a form
 * case's activation (`activate#<token>`), a new address's confirmation (`confirm-email#<token>`),
 * and, signed in, the customer's cases, the archive, each case (`cases/<id>`), a new case to an
 * expert (`new-case`) and the settings (`settings`).
 */
export function Portal({ config }: { config: PortalConfig }) {
  const [language, setLanguage] = useState<Language>(preferredLanguage);
  const i18n = useMemo(() => translator(language, MESSAGES), [language]);
  const route = usePortalRoute();
  const [signedIn, setSignedIn] = useState(() => currentToken() !== null);
  const [deleted, setDeleted] = useState(false);
  // Link, activation and confirmation pages send their token per request; the rest send the customer's session, and a 401 ends it.
  const api = useMemo(
    () =>
      createApi(config.apiUrl, currentToken, () => {
        signOut();
        setSignedIn(false);
      }),
    [config],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    rememberLanguage(language);
  }, [language]);

  const needsSession = route.page !== 'link' && route.page !== 'activate' && route.page !== 'confirm-email';
  const endSession = () => {
    signOut();
    setSignedIn(false);
  };
  return (
    <I18n.Provider value={i18n}>
      <header class="top">
        <span class="brand">{i18n.t('portal.title')}</span>
        <span class="top-actions">
          <label>
            <span class="visually-hidden">{i18n.t('portal.language')}</span>
            <LanguageSelect value={language} onChange={setLanguage} />
          </label>
          {signedIn && needsSession && (
            <button type="button" class="secondary" onClick={endSession}>
              {i18n.t('signIn.out')}
            </button>
          )}
        </span>
      </header>
      {signedIn && needsSession && (
        <nav class="account-nav" aria-label={i18n.t('nav.label')}>
          <PortalLink to={{ page: 'cases', view: 'active' }} current={route.page === 'cases' || route.page === 'case'}>
            {i18n.t('nav.cases')}
          </PortalLink>
          <PortalLink to={{ page: 'new-case' }} current={route.page === 'new-case'}>
            {i18n.t('nav.newCase')}
          </PortalLink>
          <PortalLink to={{ page: 'settings' }} current={route.page === 'settings'}>
            {i18n.t('nav.settings')}
          </PortalLink>
        </nav>
      )}
      <main id="content">
        {route.page === 'link' ? (
          <CaseLinkPage api={api} />
        ) : route.page === 'activate' ? (
          <ActivatePage api={api} />
        ) : route.page === 'confirm-email' ? (
          <ConfirmEmailPage api={api} />
        ) : deleted ? (
          <p role="status">{i18n.t('settings.deleted')}</p>
        ) : !signedIn ? (
          <SignInPage pool={config.customerPool} onSignedIn={() => setSignedIn(true)} />
        ) : route.page === 'case' ? (
          <MyCasePage api={api} caseId={route.caseId} />
        ) : route.page === 'new-case' ? (
          <NewCasePage api={api} />
        ) : route.page === 'settings' ? (
          <SettingsPage
            api={api}
            pool={config.customerPool}
            onDeleted={() => {
              endSession();
              setDeleted(true);
            }}
          />
        ) : (
          <MyCasesPage api={api} view={route.view} />
        )}
      </main>
    </I18n.Provider>
  );
}
