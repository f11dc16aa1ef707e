import { useI18n } from '../shared/i18n.ts';
import { PRIORITIES } from './choices.ts';


/** A labelled choice of priority; `anyLabel` adds an empty first option (a filter that takes any). */
export function PrioritySelect({ value, onChange, anyLabel }: { value: string; onChange: (value: string) => void; anyLabel?: string }) {
  const { t } = useI18n();
  return (
    <label>
      {t('case.priority')}{' '}
      <select value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {PRIORITIES.map((priority) => (
          <option value={priority} key={priority}>
            {t(`priority.${priority}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
