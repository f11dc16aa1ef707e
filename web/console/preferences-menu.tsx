import { useMemo } from 'preact/hooks';
import { useI18n } from '../shared/i18n.ts';
import { LanguageSelect } from '../shared/language-select.tsx';
import type { PreferenceState } from './preferences.ts';

/** Language and time zone, per agent; saved on the server as soon as one changes. */
export function PreferencesMenu({ preferences }: { preferences: PreferenceState }) {
  const { t } = useI18n();
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    return known.includes(preferences.timeZone) ? known : [preferences.timeZone, ...known];
  }, [preferences.timeZone]);
  return (
    <details class="preferences">
      <summary>{t('app.preferences')}</summary>
      <div class="preferences-panel">
        <label>
          {t('app.language')}{' '}
          <LanguageSelect value={preferences.language} onChange={(language) => preferences.choose({ language })} />
        </label>
        <label>
          {t('app.timeZone')}{' '}
          <select value={preferences.timeZone} onChange={(event) => preferences.choose({ timeZone: event.currentTarget.value })}>
            {zones.map((zone) => (
              <option value={zone} key={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        {preferences.saveFailed && <p role="alert">{t('app.preferencesNotSaved')}</p>}
      </div>
    </details>
  );
}
