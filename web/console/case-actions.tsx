import { useEffect, useRef, useState } from 'preact/hooks';
import type { Command, ResolveBody, WaitBody } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { RESOLUTION_METHODS } from './choices.ts';
import { COMMAND_REQUESTS, ONE_CLICK } from './commands.ts';
import { useConsole } from './context.ts';
import { MergeForm } from './merge-form.tsx';
import { SpawnForm, SplitForm } from './relation-forms.tsx';
import type { Run } from './run.ts';

/** The commands the API says the agent may run now, as controls; nothing else is offered. */
export function CaseActions({ allowed, run, resolveSignal }: { allowed: Set<Command>; run: Run; resolveSignal: number }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('case.actions')} class="actions">
      <div class="buttons">
        {ONE_CLICK.filter((command) => allowed.has(command)).map((command) => {
          const request = COMMAND_REQUESTS[command]!;
          return (
            <button type="button" key={command} onClick={() => void run(request.method, request.path)}>
              {t(`command.${command}`)}
            </button>
          );
        })}
      </div>
      {(allowed.has('resolve') || allowed.has('close')) && <ResolveForm allowed={allowed} run={run} openSignal={resolveSignal} />}
      {allowed.has('set_wait') && <WaitForm run={run} />}
      {allowed.has('set_wait') && <FollowUpForm run={run} />}
      {allowed.has('delegate') && <DelegateForm run={run} />}
      {allowed.has('split') && <SplitForm run={run} />}
      {allowed.has('spawn') && <SpawnForm run={run} />}
      {allowed.has('merge') && <MergeForm run={run} />}
    </section>
  );
}

function ResolveForm({ allowed, run, openSignal }: { allowed: Set<Command>; run: Run; openSignal: number }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<(typeof RESOLUTION_METHODS)[number]>('replied_to_customer');
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (openSignal > 0) select.current?.focus();
  }, [openSignal]);
  return (
    <form class="inline-form" onSubmit={(event) => (event.preventDefault(), void run('POST', '/resolve', { method } satisfies ResolveBody))}>
      <label>
        {t('resolve.method')}{' '}
        <select ref={select} value={method} onChange={(event) => setMethod(event.currentTarget.value as typeof method)}>
          {RESOLUTION_METHODS.map((m) => (
            <option value={m} key={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {allowed.has('resolve') && <button type="submit">{t('command.resolve')}</button>}
      {allowed.has('close') && (
        <button type="button" onClick={() => void run('POST', '/close', { method } satisfies ResolveBody)}>
          {t('command.close')}
        </button>
      )}
    </form>
  );
}

function WaitForm({ run }: { run: Run }) {
  const { t } = useI18n();
  const [days, setDays] = useState(3);
  const [closeIfNoReply, setCloseIfNoReply] = useState(false);
  return (
    <form
      class="inline-form"
      onSubmit={(event) => (event.preventDefault(), void run('PUT', '/wait', { kind: 'more_info', days, closeIfNoReply } satisfies WaitBody))}
    >
      <fieldset>
        <legend>{t('wait.moreInfo')}</legend>
        <label>
          {t('wait.days')} <input type="number" min={1} max={365} value={days} onInput={(event) => setDays(Number(event.currentTarget.value))} />
        </label>
        <label class="check">
          <input type="checkbox" checked={closeIfNoReply} onChange={(event) => setCloseIfNoReply(event.currentTarget.checked)} />
          {t('wait.closeIfNoReply')}
        </label>
        <button type="submit">{t('wait.start')}</button>
      </fieldset>
    </form>
  );
}

/** Waiting on the agent's own reminder: the case comes back to them on the chosen day. */
function FollowUpForm({ run }: { run: Run }) {
  const { t } = useI18n();
  const [day, setDay] = useState(() => localDay(new Date(Date.now() + 7 * 86_400_000)));
  const tomorrow = localDay(new Date(Date.now() + 86_400_000));
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        // Nine in the morning of the chosen day, in the agent's own time zone.
        void run('PUT', '/wait', { kind: 'follow_up', until: new Date(`${day}T09:00`).toISOString() } satisfies WaitBody);
      }}
    >
      <label>
        {t('wait.followUp')} <input type="date" min={tomorrow} required value={day} onInput={(event) => setDay(event.currentTarget.value)} />
      </label>
      <button type="submit">{t('wait.startFollowUp')}</button>
    </form>
  );
}

/** YYYY-MM-DD of the date in the browser's time zone, as a date input takes it. */
const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function DelegateForm({ run }: { run: Run }) {
  const { t } = useI18n();
  const { agents, session } = useConsole();
  const others = agents.filter((agent) => agent.id !== session.userId);
  const [agentId, setAgentId] = useState('');
  const chosen = others.some((agent) => agent.id === agentId) ? agentId : (others[0]?.id ?? '');
  if (others.length === 0) return null;
  return (
    <form class="inline-form" onSubmit={(event) => (event.preventDefault(), void run('POST', '/delegate', { agentId: chosen }))}>
      <label>
        {t('delegate.to')}{' '}
        <select value={chosen} onChange={(event) => setAgentId(event.currentTarget.value)}>
          {others.map((agent) => (
            <option value={agent.id} key={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('command.delegate')}</button>
    </form>
  );
}
