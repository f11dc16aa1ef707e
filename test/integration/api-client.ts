import { inject } from 'vitest';

export type Who = 'agent' | 'agent2' | 'admin' | 'robot' | 'nobody';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** Talks to the local helpdesk over real HTTP, as a web client would. */
export async function api<T = any>(
  who: Who,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (who !== 'nobody') headers.authorization = `Bearer ${inject('tokens')[who]}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${inject('apiUrl')}${path}`, {
    method,
    headers,
    ...(options.rawBody !== undefined ? { body: options.rawBody } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

export const completeCase = (overrides: Record<string, unknown> = {}) => ({
  title: 'Printer on floor 2 jams',
  description: 'It jams on every page since Monday.',
  category: 'hardware',
  contacts: { primaryContact: { email: 'jan@example.com', name: 'Jan' }, requester: { email: 'jan@example.com' } },
  ...overrides,
});

/** Creates a submitted case and returns its id. */
export async function newCase(who: Who = 'agent', overrides: Record<string, unknown> = {}): Promise<{ id: string; number: number; version: number }> {
  const { status, body } = await api(who, 'POST', '/cases', { body: completeCase(overrides) });
  if (status !== 201) throw new Error(`could not create a case: ${status} ${JSON.stringify(body)}`);
  return body.case;
}
