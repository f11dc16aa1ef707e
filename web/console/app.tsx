import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from '../shared/api-client.ts';
import type { AgentList, Settings } from '../shared/api-types.ts';
import { type Session, signIn, signOut } from '../shared/auth.ts';
import { I18n, type Language, translator } from '../shared/i18n.ts';
import type { RuntimeConfig } from '../shared/runtime-config.ts';
import { CaseView } from './case-view.tsx';
import { CommandPalette, type PaletteAction } from './command-palette.tsx';
import { Console } from './context.ts';
import { CustomerPage } from './customer-page.tsx';
import { isTyping } from './keyboard.ts';
import { MESSAGES } from './messages.ts';
import { PreferencesMenu } from './preferences-menu.tsx';
import { usePreferences } from './preferences.ts';
import { QueueNav } from './queue-nav.tsx';
import { usePolled } from './polling.ts';
import { QueueView } from './queue-view.tsx';
import { useRoute } from './router.ts';
import { Shortcuts } from './shortcuts.tsx';

/** The directory and the settings change when a tenant adds an agent or redeploys: rarely. */
const DIRECTORY_REFRESH_MS = 5 * 60_000;

export function App({ config, session }: { config: RuntimeConfig; session: Session }) {
  const api = useMemo(() => createApi(config.apiUrl, () => session.token, () => void signIn(config)), [config, session]);
  const preferences = usePreferences(api);
  const language = preferences.language as Language;
  const i18n = useMemo(() => translator(language, MESSAGES, preferences.timeZone), [language, preferences.timeZone]);
  const directory = usePolled<AgentList>(api, '/agents', DIRECTORY_REFRESH_MS);
  const settings = usePolled<{ settings: Settings }>(api, '/settings', DIRECTORY_REFRESH_MS).data?.settings ?? null;
  const agents = useMemo(() => directory.data?.agents ?? [], [directory.data]);
  const nameOf = useMemo(() => {
    const names = new Map(agents.map((agent) => [agent.id, agent.name]));
    return (id: string) => names.get(id) ?? id;
  }, [agents]);
  const route = useRoute();
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showPalette, setShowPalette] = useState(false);
  const [viewActions, setViewActions] = useState<PaletteAction[]>([]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTyping(event)) {
        event.preventDefault();
        setShowShortcuts(true);
      } else if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        setShowPalette(true);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  return (
    <I18n.Provider value={i18n}>
      <Console.Provider value={{ api, session, agents, nameOf, settings, offerActions: setViewActions }}>
        <a class="skip" href="#content">
          {i18n.t('app.skip')}
        </a>
        <header class="top">
          <span class="brand">{i18n.t('app.title')}</span>
          <QueueNav current={route.view === 'queue' ? route.queue : null} />
          <div class="account">
            <PreferencesMenu preferences={preferences} />
            <span class="who">{i18n.t('app.signedInAs', { name: nameOf(session.userId) })}</span>
            <button type="button" onClick={() => signOut(config)}>
              {i18n.t('app.signOut')}
            </button>
          </div>
        </header>
        <main id="content" tabIndex={-1}>
          {route.view === 'queue' ? (
            <QueueView queue={route.queue} key={route.queue} />
          ) : route.view === 'customer' ? (
            <CustomerPage customerId={route.customerId} key={route.customerId} />
          ) : (
            <CaseView caseId={route.caseId} key={route.caseId} />
          )}
        </main>
        {showShortcuts && <Shortcuts onClose={() => setShowShortcuts(false)} />}
        {showPalette && <CommandPalette actions={viewActions} onClose={() => setShowPalette(false)} />}
      </Console.Provider>
    </I18n.Provider>
  );
}
