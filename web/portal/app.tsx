import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from '../shared/api-client.ts';
import { I18n, type Language, preferredLanguage, rememberLanguage, translator } from '../shared/i18n.ts';
import { LanguageSelect } from '../shared/language-select.tsx';
import type { AppConfig } from '../shared/runtime-config.ts';
import { ActivatePage } from './activate-page.tsx';
import { CaseLinkPage } from './case-link-page.tsx';
import { MESSAGES } from './messages.ts';

/**
 * The customer's side: a case opened through its public link (`/portal/link#<token>`), which every
 * notification carries, and a form case's activation (`/portal/activate#<token>`); any other
 * address explains where the link is.
 */
export function Portal({ config }: { config: AppConfig }) {
  const [language, setLanguage] = useState<Language>(preferredLanguage);
  const i18n = useMemo(() => translator(language, MESSAGES), [language]);
  // Nobody signs in here: the link's token is the only credential, sent per request.
  const api = useMemo(() => createApi(config.apiUrl, () => null, () => undefined), [config]);

  useEffect(() => {
    document.documentElement.lang = language;
    rememberLanguage(language);
  }, [language]);

  const page = location.pathname.replace(/\/$/, '').split('/').at(-1);
  return (
    <I18n.Provider value={i18n}>
      <header class="top">
        <span class="brand">{i18n.t('portal.title')}</span>
        <label>
          <span class="visually-hidden">{i18n.t('portal.language')}</span>
          <LanguageSelect value={language} onChange={setLanguage} />
        </label>
      </header>
      <main id="content">
        {page === 'link' ? (
          <CaseLinkPage api={api} />
        ) : page === 'activate' ? (
          <ActivatePage api={api} />
        ) : (
          <section>
            <h1>{i18n.t('portal.title')}</h1>
            <p>{i18n.t('portal.useLink')}</p>
          </section>
        )}
      </main>
    </I18n.Provider>
  );
}
