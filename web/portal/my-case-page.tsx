import { useEffect, useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import type { PortalCase, PortalCaseResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { CaseShown } from './case-link-page.tsx';
import { portalNavigate } from './portal-router.ts';

type Shown = { kind: 'loading' } | { kind: 'case'; view: PortalCase } | { kind: 'no-case' } | { kind: 'failed'; message: string };

/** One of the signed-in customer's cases: the conversation, a reply box, and cancelling it while it is open. */
export function MyCasePage({ api, caseId }: { api: Api; caseId: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 404) setShown({ kind: 'no-case' });
    else setShown({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  };

  useEffect(() => {
    setShown({ kind: 'loading' });
    api<PortalCaseResponse>('GET', `/my/cases/${caseId}`)
      .then(({ data }) => setShown({ kind: 'case', view: data!.case }))
      .catch(failed);
  }, [caseId]);

  const comment = async (text: string): Promise<boolean> => {
    try {
      const { status, data } = await api<PortalCaseResponse>('POST', `/my/cases/${caseId}/comments`, { body: { text } });
      if (status === 201) {
        portalNavigate({ page: 'case', caseId: data!.case.id });
        setNotice(t('link.followUp', { number: data!.case.number }));
      } else {
        setNotice(t('link.sent'));
        setShown({ kind: 'case', view: data!.case });
      }
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  };

  const cancel = async () => {
    if (!confirm(t('case.cancelConfirm'))) return;
    try {
      const { data } = await api<PortalCaseResponse>('POST', `/my/cases/${caseId}/cancel`);
      setShown({ kind: 'case', view: data!.case });
      setNotice(t('case.cancelled'));
    } catch (error) {
      failed(error);
    }
  };

  const download = async (seq: number, index: number) => {
    try {
      const { data } = await api<{ url: string }>('GET', `/my/cases/${caseId}/entries/${seq}/files/${index}`);
      location.assign(data!.url);
    } catch (error) {
      failed(error);
    }
  };

  if (shown.kind === 'loading') return <p>{t('link.loading')}</p>;
  if (shown.kind === 'failed') return <p role="alert">{t('link.failed', { message: shown.message })}</p>;
  if (shown.kind === 'no-case') {
    return (
      <section aria-labelledby="no-case">
        <h1 id="no-case">{t('case.none')}</h1>
      </section>
    );
  }
  return (
    <CaseShown
      view={shown.view}
      notice={notice}
      onComment={comment}
      onDownload={download}
      actions={
        shown.view.open && (
          <button type="button" class="secondary" onClick={() => void cancel()}>
            {t('case.cancel')}
          </button>
        )
      }
    />
  );
}
