import type { TimelineEntryView } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';
import { AttachmentLinks } from './attachment-links.tsx';
import { CaseRefLink } from './case-ref-link.tsx';
import { describeChange } from './field-change.ts';
import { MailHtml } from './mail-html.tsx';

/** The case's history, oldest first; each kind of entry looks different, private notes most of all. */
export function Timeline({ caseId, entries, onError }: { caseId: string; entries: TimelineEntryView[]; onError: (error: unknown) => void }) {
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li key={entry.seq} class={`entry entry-${entry.type}`}>
          <Entry caseId={caseId} entry={entry} onError={onError} />
        </li>
      ))}
    </ol>
  );
}

function Entry({ caseId, entry, onError }: { caseId: string; entry: TimelineEntryView; onError: (error: unknown) => void }) {
  const { t, dateTime } = useI18n();
  const { nameOf } = useConsole();
  // Entries shown from another case are headed by how this case came from it: split from, merged from.
  const kind = entry.type === 'related_entries' ? entry.relation : entry.type;
  const header = (
    <p class="entry-head">
      <strong>{t(`entry.${kind}`)}</strong>{' '}
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
              <li key={change.field}>{t('entry.change', describeChange(change, { t, dateTime, nameOf }))}</li>
            ))}
          </ul>
        </>
      );
    case 'related_entries':
      return (
        <>
          {header}
          <p>
            {t('entry.relatedEntries', { seqs: entry.seqs.length > 0 ? entry.seqs.join(', ') : '—' })}{' '}
            <CaseRefLink caseId={entry.caseId}>#{entry.caseNumber}</CaseRefLink>
          </p>
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
          <AttachmentLinks caseId={caseId} seq={entry.seq} files={(entry.attachments ?? []).map((file, index) => ({ ...file, index }))} onError={onError} />
        </>
      );
    case 'inbound_message':
      return (
        <>
          {header}
          {entry.from && <p class="meta">{entry.from}</p>}
          <p class="text">{entry.text}</p>
          {entry.mail?.htmlKey && <MailHtml caseId={caseId} seq={entry.seq} />}
          <AttachmentLinks caseId={caseId} seq={entry.seq} files={entry.mail ? entry.mail.attachments.map((file, index) => ({ ...file, index })).filter((file) => !file.inline) : (entry.attachments ?? []).map((file, index) => ({ ...file, index }))} onError={onError} />
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
