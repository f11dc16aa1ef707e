import { useEffect } from 'preact/hooks';
import type { QueueCounts, QueueName } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { QUEUES } from './choices.ts';
import { useConsole } from './context.ts';
import { usePolled } from './polling.ts';
import { navigate, pathOf } from './router.ts';

/**
 * Counts read every case they count (up to the API's cap), so they are polled less often than
 * an open case; docs/performance.md has what a poll costs.
 */
export const COUNTS_POLL_MS = 30_000;

export function QueueNav({ current }: { current: QueueName | null }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const polled = usePolled<QueueCounts>(api, '/queues', COUNTS_POLL_MS);
  const counts = polled.data?.counts ?? [];
  const { reload } = polled;
  // Opening a queue shows its list as it is now; its count should agree.
  useEffect(() => {
    if (current) void reload();
  }, [current, reload]);
  return (
    <nav aria-label={t('app.queues')}>
      <ul class="queues">
        {QUEUES.map((queue) => {
          const counted = counts.find((c) => c.queue === queue);
          return (
            <li key={queue}>
              <a
                href={pathOf({ view: 'queue', queue })}
                aria-current={queue === current ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ view: 'queue', queue });
                }}
              >
                {t(`queue.${queue}`)}
                {counted && ' '}
                {counted && (
                  <span class="count" data-queue-count={queue}>
                    {counted.more ? `${counted.count}+` : counted.count}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
