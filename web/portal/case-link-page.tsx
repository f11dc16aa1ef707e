import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import type { PublicCase, PublicCaseResponse } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';

type Shown = { kind: 'loading' } | { kind: 'case'; view: PublicCase } | { kind: 'no-case' } | { kind: 'failed'; message: string };

/** The token is after `#`: browsers never send it to a server, so it stays out of every log. */
const tokenInAddress = () => decodeURIComponent(location.hash.slice(1));

/**
 * A case opened with its public link: its status, the public conversation and a box to write in.
 * Writing on a closed case starts a new one, and the page moves to the new case's link.
 */
export function CaseLinkPage({ api }: { api: Api }) {
  const { t } = useI18n();
  const [token, setToken] = useState(tokenInAddress);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const follow = () => setToken(tokenInAddress());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 404) setShown({ kind: 'no-case' });
    else if (error instanceof ApiError && error.status === 429) setShown({ kind: 'failed', message: t('link.busy') });
    else setShown({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  };

  useEffect(() => {
    if (!token) return setShown({ kind: 'no-case' });
    let current = true;
    setShown({ kind: 'loading' });
    api<PublicCaseResponse>('GET', '/public/case', { headers: { 'x-case-link': token } })
      .then(({ data }) => current && setShown({ kind: 'case', view: data!.case }))
      .catch((error: unknown) => current && failed(error));
    return () => {
      current = false;
    };
  }, [api, token]);

  const comment = async (text: string): Promise<boolean> => {
    try {
      const { status, data } = await api<PublicCaseResponse>('POST', '/public/case/comments', { headers: { 'x-case-link': token }, body: { text } });
      if (status === 201) {
        history.replaceState(null, '', `#${data!.token}`);
        setToken(data!.token);
        setNotice(t('link.followUp', { number: data!.case.number }));
      } else {
        setNotice(t('link.sent'));
      }
      setShown({ kind: 'case', view: data!.case });
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  };

  if (shown.kind === 'loading') return <p>{t('link.loading')}</p>;
  if (shown.kind === 'no-case') {
    return (
      <section aria-labelledby="no-case">
        <h1 id="no-case">{t('link.noCase')}</h1>
        <p>{t('link.noCaseHelp')}</p>
      </section>
    );
  }
  /** A file's link is signed when the customer asks for it, so none on the page goes stale. */
  const download = async (seq: number, index: number) => {
    try {
      const { data } = await api<{ url: string }>('GET', `/public/case/entries/${seq}/files/${index}`, { headers: { 'x-case-link': token } });
      location.assign(data!.url);
    } catch (error) {
      failed(error);
    }
  };

  if (shown.kind === 'failed') return <p role="alert">{t('link.failed', { message: shown.message })}</p>;
  return <CaseShown view={shown.view} notice={notice} onComment={comment} onDownload={download} />;
}

/** A case as its customer sees it (public link or portal): status, the public conversation, a box to write in, and `actions`. */
export function CaseShown(props: {
  view: PublicCase;
  notice: string | null;
  onComment: (text: string) => Promise<boolean>;
  onDownload: (seq: number, index: number) => Promise<void>;
  actions?: ComponentChildren;
}) {
  const { view, notice, onComment } = props;
  const { t, dateTime } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <article aria-labelledby="case-title" class="case">
      <h1 id="case-title">
        <span class="number">#{view.number}</span> {view.title}
      </h1>
      <p class="status">
        {t('link.status')} <strong>{t(`label.${view.status}`)}</strong>
      </p>
      {props.actions}
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      <section aria-labelledby="history">
        <h2 id="history">{t('link.history')}</h2>
        <ol class="timeline">
          {view.timeline.map((entry) => (
            <li key={entry.seq} class={`entry entry-${entry.from}`}>
              <p class="entry-head">
                <strong>{entry.from === 'customer' ? t('link.you') : (entry.author ?? t('link.helpdesk'))}</strong>{' '}
                <time dateTime={entry.at}>{dateTime(entry.at)}</time>
              </p>
              <p class="text">{entry.text}</p>
              {entry.files.length > 0 && (
                <ul class="files" aria-label={t('link.files')}>
                  {entry.files.map((name, index) => (
                    <li key={index}>
                      <button type="button" class="link" onClick={() => void props.onDownload(entry.seq, index)}>
                        {name}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      <form
        class="comment"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!text.trim() || busy) return;
          setBusy(true);
          if (await onComment(text.trim())) setText('');
          setBusy(false);
        }}
      >
        <label for="comment-text">{t('link.write')}</label>
        {!view.open && <p class="hint">{t('link.closedHint')}</p>}
        <textarea id="comment-text" rows={5} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        <button type="submit" disabled={busy}>
          {t('link.send')}
        </button>
      </form>
    </article>
  );
}
