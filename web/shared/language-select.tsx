import { LANGUAGES, type Language } from './i18n.ts';

/** Each language named in itself, so someone who cannot read the current one still finds theirs. */
const NAMES: Record<Language, string> = { pl: 'Polski', en: 'English' };

export function LanguageSelect({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  return (
    <select value={value} onChange={(event) => onChange(event.currentTarget.value as Language)}>
      {LANGUAGES.map((code) => (
        <option value={code} key={code}>
          {NAMES[code]}
        </option>
      ))}
    </select>
  );
}
