import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../shared/api-client.ts';
import type { CaseWithTimeline, Command, NoteBody, ReplyBody, ResolveBody, TimelineEntryView, TimelinePage } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { CaseActions } from './case-actions.tsx';
import { COMMAND_REQUESTS, ONE_CLICK } from './commands.ts';
import { Composer, type Composed, type ComposerMode } from './composer.tsx';
import { CopiedContacts } from './copied-contacts.tsx';
import { CustomerLink } from './customer-link.tsx';
import { CustomerPanel } from './customer-panel.tsx';
import { RelatedCases } from './related-cases.tsx';
import { FieldEditor } from './field-editor.tsx';
import { useConsole } from './context.ts';
import { isTyping } from './keyboard.ts';
import { usePolled } from './polling.ts';
import { PublicLink } from './public-link.tsx';
import { navigate } from './router.ts';
import type { Run } from './run.ts';
import { Timeline } from './timeline.tsx';

/** One case: its header and labels, what the agent may do now, the timeline, and the composer. */
export function CaseView({ caseId }: { caseId: string }) {
  const { t, dateTime } = useI18n();
  const { api, nameOf, offerActions } = useConsole();
  const loaded = usePolled<CaseWithTimeline>(api, `/cases/${encodeURIComponent(caseId)}`);
  const [older, setOlder] = useState<TimelineEntryView[]>([]);
  const [olderCursor, setOlderCursor] = useState<string | null | undefined>(undefined);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [focusSignal, setFocusSignal] = useState(0);
  const [resolveSignal, setResolveSignal] = useState(0);
  const [problem, setProblem] = useState<{ conflict: boolean; message: string } | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      const actions: Record<string, () => void> = {
        r: () => (setMode('reply'), setFocusSignal((n) => n + 1)),
        n: () => (setMode('note'), setFocusSignal((n) => n + 1)),
        e: () => setResolveSignal((n) => n + 1),
        u: () => history.back(),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const failed = (error: unknown) => {
    if (error instanceof ApiError) setProblem({ conflict: error.status === 409, message: error.message });
    else setProblem({ conflict: false, message: String(error) });
  };

  const run: Run = async (method, path, body, { guarded = true, showRefusal } = {}) => {
    const current = loaded.data?.case;
    if (!current) return false;
    try {
      await api(method, `/cases/${encodeURIComponent(caseId)}${path}`, {
        ...(body !== undefined ? { body } : {}),
        // A decision taken on what the agent saw must not apply to a case that changed meanwhile.
        ...(guarded ? { ifMatch: current.version } : {}),
      });
      setProblem(null);
      await loaded.reload();
      return true;
    } catch (error) {
      if (error instanceof ApiError && showRefusal?.(error)) setProblem(null);
      else failed(error);
      return false;
    }
  };

  const send = (composed: Composed) => {
    if (composed.mode === 'note') return run('POST', '/notes', { text: composed.text } satisfies NoteBody, { guarded: false });
    const reply: ReplyBody = {
      text: composed.text,
      includeHistory: composed.includeHistory,
      ...(composed.attachments.length > 0 ? { attachments: composed.attachments } : {}),
    };
    if (composed.resolve) return run('POST', '/resolve', { method: 'replied_to_customer', reply } satisfies ResolveBody);
    return run('POST', '/replies', reply, { guarded: false });
  };

  const showOlder = async () => {
    const cursor = olderCursor === undefined ? loaded.data?.timelineCursor : olderCursor;
    if (!cursor) return;
    try {
      const page = await api<TimelinePage>('GET', `/cases/${encodeURIComponent(caseId)}/timeline?cursor=${encodeURIComponent(cursor)}`);
      setOlder((shown) => [...[...(page.data?.items ?? [])].reverse(), ...shown]);
      setOlderCursor(page.data?.nextCursor ?? null);
    } catch (error) {
      failed(error);
    }
  };

  // The palette's actions outlive this render: they must act on the case as it is when chosen.
  const latestRun = useRef(run);
  latestRun.current = run;
  const allowedList = loaded.data?.case.allowedCommands.join(' ') ?? '';
  useEffect(() => {
    const allowedNow = new Set(allowedList.split(' '));
    const actions = [
      ...(allowedNow.has('reply') ? [{ id: 'reply', label: t('shortcuts.reply'), run: () => (setMode('reply'), setFocusSignal((n) => n + 1)) }] : []),
      ...(allowedNow.has('note') ? [{ id: 'note', label: t('shortcuts.note'), run: () => (setMode('note'), setFocusSignal((n) => n + 1)) }] : []),
      ...(allowedNow.has('resolve') ? [{ id: 'resolve', label: t('shortcuts.resolve'), run: () => setResolveSignal((n) => n + 1) }] : []),
      ...ONE_CLICK.filter((command) => allowedNow.has(command)).map((command) => ({
        id: command,
        label: t(`command.${command}`),
        run: () => void latestRun.current(COMMAND_REQUESTS[command]!.method, COMMAND_REQUESTS[command]!.path),
      })),
    ];
    offerActions(actions);
    return () => offerActions([]);
  }, [allowedList, t, offerActions]);

  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <p role="alert">{t('case.notFound')}</p>;
  if (!loaded.data) return <p>{loaded.error ? t('error.generic', { message: loaded.error.message }) : t('queue.loading')}</p>;

  const c = loaded.data.case;
  const allowed = new Set<Command>(c.allowedCommands);
  const moreCursor = olderCursor === undefined ? loaded.data.timelineCursor : olderCursor;
  return (
    <article aria-labelledby="case-title" class="case">
      <p>
        <a
          href="#"
          onClick={(event) => {
            event.preventDefault();
            if (history.length > 1) history.back();
            else navigate({ view: 'queue', queue: 'mine' });
          }}
        >
          {t('case.back')}
        </a>
      </p>
      <h1 id="case-title">
        <span class="number">#{c.number}</span> {c.title || '—'}
      </h1>
      <dl class="facts">
        <div>
          <dt>{t('column.status')}</dt>
          <dd>{c.labels.tenant}</dd>
        </div>
        <div>
          <dt>{t('case.assignee')}</dt>
          <dd>{c.assigneeId ? nameOf(c.assigneeId) : t('case.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('case.priority')}</dt>
          <dd>{t(`priority.${c.priority}`)}</dd>
        </div>
        <div>
          <dt>{t('case.category')}</dt>
          <dd>{c.category ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('case.inbox')}</dt>
          <dd>{c.inbox ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('case.labels')}</dt>
          <dd>
            {[c.labels.agent, c.labels.enate, c.labels.sugester, c.labels.customer].filter(Boolean).join(' · ')}
          </dd>
        </div>
        {c.wait && 'until' in c.wait && (
          <div>
            <dt>{t('case.due')}</dt>
            <dd>{dateTime(c.wait.until)}</dd>
          </div>
        )}
        <CopiedContacts contacts={c.contacts.cc} />
        <RelatedCases links={c.links} />
      </dl>
      {problem && (
        <div role="alert" class="problem">
          <p>{problem.conflict ? t('case.changed', { message: problem.message }) : t('error.generic', { message: problem.message })}</p>
          {problem.conflict && (
            <button
              type="button"
              onClick={() => {
                setProblem(null);
                void loaded.reload();
              }}
            >
              {t('case.reload')}
            </button>
          )}
        </div>
      )}
      <CaseActions allowed={allowed} run={run} resolveSignal={resolveSignal} />
      {allowed.has('update_fields') && <FieldEditor current={c} run={run} />}
      {allowed.has('regenerate_link') && <PublicLink caseId={c.id} generation={c.linkGeneration} run={run} />}
      {allowed.has('link_customer') && <CustomerLink linked={c.customerId} run={run} key={c.customerId ?? 'none'} />}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('case.timeline')}</h2>
        {moreCursor && (
          <button type="button" onClick={() => void showOlder()}>
            {t('case.older')}
          </button>
        )}
        <Timeline caseId={c.id} entries={[...older, ...loaded.data.timeline]} onError={failed} />
      </section>
      {(allowed.has('reply') || allowed.has('note')) && (
        <Composer caseId={c.id} mode={allowed.has('reply') ? mode : 'note'} onModeChange={setMode} canResolve={allowed.has('resolve')} focusSignal={focusSignal} onSend={send} onError={failed} />
      )}
      {c.customerId && <CustomerPanel customerId={c.customerId} caseId={c.id} />}
    </article>
  );
}
