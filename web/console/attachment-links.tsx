import type { TimelineEntryView } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';

interface Listed {
  /** Its position among the entry's attachments, as the API numbers them. */
  index: number;
  filename: string;
  size?: number;
  quarantined?: boolean;
}

/**
 * An entry's files. A download asks the API for a link that works a few minutes, at the moment
 * the agent wants the file, so no link on the page goes stale.
 */
export function AttachmentLinks({ caseId, seq, files, onError }: { caseId: string; seq: TimelineEntryView['seq']; files: Listed[]; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const { api } = useConsole();
  if (files.length === 0) return null;
  const download = async (index: number) => {
    try {
      const { data } = await api<{ url: string }>('GET', `/cases/${encodeURIComponent(caseId)}/timeline/${seq}/attachments/${index}`);
      location.assign(data!.url);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <ul class="attachments" aria-label={t('entry.attachments')}>
      {files.map((file) => (
        <li key={file.index}>
          {file.quarantined ? (
            <span>{t('entry.quarantined', { name: file.filename })}</span>
          ) : (
            <button type="button" class="link" onClick={() => void download(file.index)}>
              {file.filename}
              {file.size !== undefined && ` (${Math.ceil(file.size / 1024)} KB)`}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
