import { useEffect, useState } from 'preact/hooks';
import type { QueueName } from '../shared/api-types.ts';
import { QUEUES } from './choices.ts';

export type Route = { view: 'queue'; queue: QueueName } | { view: 'case'; caseId: string } | { view: 'customer'; customerId: string };

const base = import.meta.env.BASE_URL;

/** The console's kinds of page, from the path under /console/: `queues/<name>`, `cases/<id>` and `customers/<id>`. */
export function routeOf(pathname: string): Route {
  const [kind, value] = pathname.slice(base.length).split('/');
  if (kind === 'cases' && value) return { view: 'case', caseId: decodeURIComponent(value) };
  if (kind === 'customers' && value) return { view: 'customer', customerId: decodeURIComponent(value) };
  const queue = QUEUES.find((q) => q === value);
  return { view: 'queue', queue: kind === 'queues' && queue ? queue : 'mine' };
}

export const pathOf = (route: Route): string =>
  route.view === 'case'
    ? `${base}cases/${encodeURIComponent(route.caseId)}`
    : route.view === 'customer'
      ? `${base}customers/${encodeURIComponent(route.customerId)}`
      : `${base}queues/${route.queue}`;

export function navigate(route: Route): void {
  history.pushState(null, '', pathOf(route));
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
