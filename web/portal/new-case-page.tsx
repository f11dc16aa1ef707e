import { useEffect, useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import type { ExpertList, PortalCaseResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { portalNavigate } from './portal-router.ts';

type Experts = ExpertList['items'];

/** "Add case" ("5 ways"): straight to an expert the customer has dealt with; no activation, as they are signed in. */
export function NewCasePage({ api }: { api: Api }) {
  const { t } = useI18n();
  const [experts, setExperts] = useState<Experts | null>(null);
  const [expertId, setExpertId] = useState('');
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<ExpertList>('GET', '/my/experts')
      .then(({ data }) => {
        setExperts(data!.items);
        setExpertId(data!.items[0]?.id ?? '');
      })
      .catch((error: unknown) => setProblem((error as Error).message));
  }, []);

  const issueOf = (field: string) => issues.filter((issue) => issue.path === `body.${field}`).map((issue) => issue.message).join('; ');
  const field = (name: string) => (issueOf(name) ? { 'aria-invalid': true, 'aria-describedby': `${name}-issue` } : {});
  const issue = (name: string) =>
    issueOf(name) && (
      <p id={`${name}-issue`} class="field-issue">
        {issueOf(name)}
      </p>
    );

  if (problem) return <p role="alert">{t('link.failed', { message: problem })}</p>;
  if (experts === null) return <p>{t('cases.loading')}</p>;
  return (
    <section aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('newCase.title')}</h1>
      {experts.length === 0 ? (
        <p>{t('newCase.noExperts')}</p>
      ) : (
        <form
          class="stacked wide"
          onSubmit={async (event) => {
            event.preventDefault();
            if (busy) return;
            setBusy(true);
            try {
              const { data } = await api<PortalCaseResponse>('POST', '/my/cases', { body: { expertId, subject, message } });
              portalNavigate({ page: 'case', caseId: data!.case.id });
            } catch (error) {
              if (error instanceof ApiError && error.status === 400) setIssues(error.issues);
              else setProblem((error as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>{t('newCase.intro')}</p>
          <label for="expert">{t('newCase.expert')}</label>
          <select id="expert" value={expertId} onChange={(e) => setExpertId(e.currentTarget.value)} {...field('expertId')}>
            {experts.map((expert) => (
              <option key={expert.id} value={expert.id}>
                {expert.name}
              </option>
            ))}
          </select>
          {issue('expertId')}
          <label for="subject">{t('cases.subject')}</label>
          <input id="subject" type="text" required maxLength={200} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} {...field('subject')} />
          {issue('subject')}
          <label for="message">{t('newCase.message')}</label>
          <textarea id="message" rows={6} required value={message} onInput={(e) => setMessage(e.currentTarget.value)} {...field('message')} />
          {issue('message')}
          <button type="submit" disabled={busy}>
            {t('newCase.send')}
          </button>
        </form>
      )}
    </section>
  );
}
