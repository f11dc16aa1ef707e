import { useState } from 'preact/hooks';
import type { MailHtmlResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { useConsole } from './context.ts';

/**
 * The e-mail as its sender formatted it, on request. The HTML was sanitised when it arrived, and it is
 * shown in a frame sandboxed without any permission: no scripts, no forms, and an opaque origin that
 * cannot reach the console's storage or cookies.
 */
export function MailHtml({ caseId, seq }: { caseId: string; seq: number }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const show = async () => {
    try {
      const response = await api<MailHtmlResponse>('GET', `/cases/${encodeURIComponent(caseId)}/timeline/${seq}/html`);
      setHtml(response.data?.html ?? '');
    } catch {
      setFailed(true);
    }
  };

  if (html !== null) {
    return (
      <div class="mail-html">
        <iframe sandbox="" srcdoc={html} title={t('mail.frameTitle')} referrerpolicy="no-referrer" />
        <button type="button" onClick={() => setHtml(null)}>
          {t('mail.hideHtml')}
        </button>
      </div>
    );
  }
  return (
    <p>
      <button type="button" onClick={() => void show()}>
        {t('mail.showHtml')}
      </button>
      {failed && <span role="alert"> {t('mail.htmlFailed')}</span>}
    </p>
  );
}
