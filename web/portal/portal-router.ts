import { useEffect, useState } from 'preact/hooks';

export type PortalRoute =
  | { page: 'link' }
  | { page: 'activate' }
  | { page: 'confirm-email' }
  | { page: 'cases'; view: 'active' | 'archive' }
  | { page: 'case'; caseId: string }
  | { page: 'new-case' }
  | { page: 'settings' };

const base = import.meta.env.BASE_URL;

/** The portal's pages, from the path under /portal/: `link`, `activate`, `confirm-email`, `archive`, `cases/<id>`, `new-case`, `settings`; anything else is "my cases". */
export function portalRouteOf(pathname: string): PortalRoute {
  const [first, second] = pathname.slice(base.length).replace(/\/$/, '').split('/');
  if (first === 'link') return { page: 'link' };
  if (first === 'activate') return { page: 'activate' };
  if (first === 'confirm-email') return { page: 'confirm-email' };
  if (first === 'new-case') return { page: 'new-case' };
  if (first === 'settings') return { page: 'settings' };
  if (first === 'cases' && second) return { page: 'case', caseId: decodeURIComponent(second) };
  return { page: 'cases', view: first === 'archive' ? 'archive' : 'active' };
}

export const portalPathOf = (route: PortalRoute): string =>
  route.page === 'case'
    ? `${base}cases/${encodeURIComponent(route.caseId)}`
    : route.page === 'cases'
      ? `${base}${route.view === 'archive' ? 'archive' : ''}`
      : `${base}${route.page}`;

export function portalNavigate(route: PortalRoute): void {
  history.pushState(null, '', portalPathOf(route));
  dispatchEvent(new PopStateEvent('popstate'));
}

export function usePortalRoute(): PortalRoute {
  const [route, setRoute] = useState(() => portalRouteOf(location.pathname));
  useEffect(() => {
    const update = () => setRoute(portalRouteOf(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
