import { type Route, routeKey, routes } from '../functions/routes.ts';

export interface MatchedRoute {
  route: Route;
  routeKey: string;
  pathParameters: Record<string, string>;
}

const compiled = Object.values(routes as Record<string, Route>).map((route) => {
  const names: string[] = [];
  const pattern = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, regex: new RegExp(`^${pattern}$`) };
});

/**
 * Matches a request against the route table the way API Gateway does (exact method and path template).
 * @throws URIError when a path parameter is not valid percent-encoding (the caller answers 400).
 */
export function matchRoute(method: string, path: string): MatchedRoute | null {
  for (const { route, names, regex } of compiled) {
    if (route.method !== method) continue;
    const match = regex.exec(path);
    if (!match) continue;
    const pathParameters = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return { route, routeKey: routeKey(route), pathParameters };
  }
  return null;
}
