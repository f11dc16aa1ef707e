import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../shared/api-client.ts';
import type { PortalCaseList, PortalCaseSummary } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { PortalLink } from './portal-link.tsx';

type Shown = { kind: 'loading' } | { kind: 'list'; items: PortalCaseSummary[]; nextCursor: string | null; hasArchive: boolean } | { kind: 'failed'; message: string };

/** "My cases" and the archive ("5 ways" client panel): the archive tab shows only once a case is archived. */
export function MyCasesPage({ api, view }: { api: Api; view: 'active' | 'archive' }) {
  const { t, dateTime } = useI18n();
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });

  const load = async (cursor: string | null, before: PortalCaseSummary[]) => {
    try {
      const query = new URLSearchParams({ view, ...(cursor ? { cursor } : {}) });
      const { data } = await api<PortalCaseList>('GET', `/my/cases?${query}`);
      setShown({ kind: 'list', items: [...before, ...data!.items], nextCursor: data!.nextCursor, hasArchive: data!.hasArchive });
    } catch (error) {
      setShown({ kind: 'failed', message: (error as Error).message });
    }
  };

  useEffect(() => {
    setShown({ kind: 'loading' });
    void load(null, []);
  }, [view]);

  const tab = (target: 'active' | 'archive', label: string) => (
    <PortalLink to={{ page: 'cases', view: target }} current={view === target}>
      {label}
    </PortalLink>
  );

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t(view === 'archive' ? 'cases.archive' : 'cases.mine')}</h1>
      {shown.kind === 'list' && (shown.hasArchive || view === 'archive') && (
        <nav class="tabs" aria-label={t('cases.lists')}>
          {tab('active', t('cases.mine'))}
          {tab('archive', t('cases.archive'))}
        </nav>
      )}
      {shown.kind === 'loading' && <p>{t('cases.loading')}</p>}
      {shown.kind === 'failed' && <p role="alert">{t('link.failed', { message: shown.message })}</p>}
      {shown.kind === 'list' && shown.items.length === 0 && !shown.nextCursor && <p>{t(view === 'archive' ? 'cases.noArchive' : 'cases.none')}</p>}
      {shown.kind === 'list' && shown.items.length > 0 && (
        <table class="cases">
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('cases.subject')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((item) => (
              <tr key={item.id}>
                <td>#{item.number}</td>
                <td>
                  <PortalLink to={{ page: 'case', caseId: item.id }}>{item.title}</PortalLink>
                </td>
                <td>
                  {t(`label.${item.status}`)}
                  {item.mergedInto !== null && <span class="merged-into"> · {t('cases.mergedInto', { number: String(item.mergedInto) })}</span>}
                </td>
                <td>
                  <time dateTime={item.updatedAt}>{dateTime(item.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.kind === 'list' && shown.nextCursor && (
        <button type="button" onClick={() => void load(shown.nextCursor, shown.items)}>
          {t('cases.more')}
        </button>
      )}
    </section>
  );
}
