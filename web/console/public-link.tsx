import { useState } from 'preact/hooks';
import type { PublicLinkResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';

type Run = (method: string, path: string, body?: unknown) => Promise<boolean>;

/**
 * The link the customer holds (their notifications carry it): shown on request, to copy into a
 * chat or a phone follow-up, and replaced when it reached the wrong person.
 */
export function PublicLink({ caseId, generation, run }: { caseId: string; generation: number; run: Run }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [link, setLink] = useState<PublicLinkResponse | null>(null);
  const [copied, setCopied] = useState(false);
  const load = async () => {
    const { data } = await api<PublicLinkResponse>('GET', `/cases/${encodeURIComponent(caseId)}/public-link`);
    setLink(data ?? null);
    setCopied(false);
  };
  // A replacement made elsewhere shows as a new generation on the polled case: the link shown here is then stale.
  const current = link !== null && link.generation === generation ? link : null;
  return (
    <details
      class="public-link"
      onToggle={(event) => {
        if (event.currentTarget.open && !current) void load();
      }}
    >
      <summary>{t('publicLink.title')}</summary>
      <p>{t('publicLink.explain')}</p>
      {current ? (
        <div class="inline-form">
          <label>
            <span class="visually-hidden">{t('publicLink.title')}</span>
            <input type="text" readOnly size={48} value={current.url} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(current.url);
              setCopied(true);
            }}
          >
            {t('publicLink.copy')}
          </button>
          <span aria-live="polite">{copied ? t('publicLink.copied') : ''}</span>
        </div>
      ) : (
        link !== null && (
          <button type="button" onClick={() => void load()}>
            {t('publicLink.show')}
          </button>
        )
      )}
      <button
        type="button"
        onClick={async () => {
          if (confirm(t('publicLink.confirmReplace')) && (await run('POST', '/public-link'))) await load();
        }}
      >
        {t('publicLink.replace')}
      </button>
    </details>
  );
}
