import type { TimelineEntryView } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';

/** The case's history, oldest first; each kind of entry looks different, private notes most of all. */
export function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li key={entry.seq} class={`entry entry-${entry.type}`}>
          <Entry entry={entry} />
        </li>
      ))}
    </ol>
  );
}

function Entry({ entry }: { entry: TimelineEntryView }) {
  const { t, dateTime } = useI18n();
  const header = (
    <p class="entry-head">
      <strong>{t(`entry.${entry.type}`)}</strong>{' '}
      <span>{t('entry.by', { name: entry.actor.name ?? (entry.actor.kind === 'customer' ? t('actor.customer') : entry.actor.id) })}</span>{' '}
      <time dateTime={entry.at}>{dateTime(entry.at)}</time>
    </p>
  );
  switch (entry.type) {
    case 'field_change':
      return (
        <>
          {header}
          <ul>
            {entry.changes.map((change) => (
              <li key={change.field}>{t('entry.change', { field: change.field, from: shown(change.from), to: shown(change.to) })}</li>
            ))}
          </ul>
        </>
      );
    case 'system':
      return (
        <>
          {header}
          <p>{entry.detail}</p>
        </>
      );
    case 'reply':
      return (
        <>
          {header}
          <p class="meta">
            {entry.to.join(', ')} · {t('entry.delivery', { state: entry.delivery })}
          </p>
          <p class="text">{entry.text}</p>
        </>
      );
    case 'inbound_message':
      return (
        <>
          {header}
          {entry.from && <p class="meta">{entry.from}</p>}
          <p class="text">{entry.text}</p>
        </>
      );
    default:
      return (
        <>
          {header}
          <p class="text">{entry.text}</p>
        </>
      );
  }
}

const shown = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
