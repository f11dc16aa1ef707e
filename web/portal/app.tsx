import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from '../shared/api-client.ts';
import { I18n, type Language, preferredLanguage, rememberLanguage, translator } from '../shared/i18n.ts';
import { LanguageSelect } from '../shared/language-select.tsx';
import type { PortalConfig } from '../shared/runtime-config.ts';
import { ActivatePage } from './activate-page.tsx';
import { CaseLinkPage } from './case-link-page.tsx';
import { currentToken, signOut } from './customer-session.ts';
import { MESSAGES } from './messages.ts';
import { MyCasePage } from './my-case-page.tsx';
import { MyCasesPage } from './my-cases-page.tsx';
import { portalNavigate, usePortalRoute } from './portal-router.ts';
import { SignInPage } from './sign-in-page.tsx';

/**
 * The customer's side: a case opened through its public link (`link#<token>`, no sign-in), a form
 * case's activation (`activate#<token>`), and, signed in, the customer's cases, the archive and
 * each case (`cases/<id>`).
 */
export function Portal({ config }: { config: PortalConfig }) {
  const [language, setLanguage] = useState<Language>(preferredLanguage);
  const i18n = useMemo(() => translator(language, MESSAGES), [language]);
  const route = usePortalRoute();
  const [signedIn, setSignedIn] = useState(() => currentToken() !== null);
  // Link and activation pages send their token per request; the rest send the customer's session, and a 401 ends it.
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

  const needsSession = route.page === 'cases' || route.page === 'case';
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
            <button
              type="button"
              class="secondary"
              onClick={() => {
                signOut();
                setSignedIn(false);
              }}
            >
              {i18n.t('signIn.out')}
            </button>
          )}
        </span>
      </header>
      <main id="content">
        {route.page === 'link' ? (
          <CaseLinkPage api={api} />
        ) : route.page === 'activate' ? (
          <ActivatePage api={api} />
        ) : !signedIn ? (
          <SignInPage pool={config.customerPool} onSignedIn={() => setSignedIn(true)} />
        ) : route.page === 'case' ? (
          <>
            <p>
              <a
                href={import.meta.env.BASE_URL}
                onClick={(event) => {
                  event.preventDefault();
                  portalNavigate({ page: 'cases', view: 'active' });
                }}
              >
                {i18n.t('cases.back')}
              </a>
            </p>
            <MyCasePage api={api} caseId={route.caseId} />
          </>
        ) : (
          <MyCasesPage api={api} view={route.view} />
        )}
      </main>
    </I18n.Provider>
  );
}
