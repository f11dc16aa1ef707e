import type { QueueName } from '../shared/api-types.ts';
import { useI18n } from '../shared/i18n.ts';
import { QUEUES } from './choices.ts';
import { navigate, pathOf } from './router.ts';

export function QueueNav({ current }: { current: QueueName | null }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('app.queues')}>
      <ul class="queues">
        {QUEUES.map((queue) => (
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
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
