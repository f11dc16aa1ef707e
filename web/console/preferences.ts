import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../shared/api-client.ts';
import type { Preferences, PreferencesBody } from '../shared/api-types.ts';
import { browserTimeZone, type Language, preferredLanguage, rememberLanguage } from '../shared/i18n.ts';

export interface PreferenceState extends PreferencesBody {
  /** Saves a change on the server, so the agent finds it in any browser. */
  choose: (change: Partial<PreferencesBody>) => void;
  /** Whether the last save failed (the choice still applies in this tab). */
  saveFailed: boolean;
}

/**
 * The agent's language and time zone: shown at once from what this browser last used, then
 * replaced by what the agent saved on the server, if anything.
 */
export function usePreferences(api: Api): PreferenceState {
  const [current, setCurrent] = useState<PreferencesBody>(() => ({ language: preferredLanguage(), timeZone: browserTimeZone() }));
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    let active = true;
    api<{ preferences: Preferences | null }>('GET', '/me/preferences')
      .then(({ data }) => {
        if (active && data?.preferences) setCurrent({ language: data.preferences.language, timeZone: data.preferences.timeZone });
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [api]);

  useEffect(() => rememberLanguage(current.language as Language), [current.language]);

  const latest = useRef(current);
  latest.current = current;
  const choose = useCallback(
    (change: Partial<PreferencesBody>) => {
      const next = { ...latest.current, ...change };
      setCurrent(next);
      api('PUT', '/me/preferences', { body: next }).then(
        () => setSaveFailed(false),
        () => setSaveFailed(true),
      );
    },
    [api],
  );

  return { ...current, choose, saveFailed };
}
