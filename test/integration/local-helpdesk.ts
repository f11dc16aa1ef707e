import { type LocalHelpdesk, type LocalOptions, startLocalHelpdesk } from '../../local/start.ts';

export interface Client {
  helpdesk: LocalHelpdesk;
  call: (
    who: keyof LocalHelpdesk['tokens'],
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: any }>;
}

/** A helpdesk of the test file's own, for tests that need other options than the shared one (timers, restarts). */
export async function ownHelpdesk(options: LocalOptions): Promise<Client> {
  const helpdesk = await startLocalHelpdesk({ port: 0, ...options });
  return {
    helpdesk,
    call: async (who, method, path, body, headers = {}) => {
      const response = await fetch(`${helpdesk.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${helpdesk.tokens[who]}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}

/** Polls until `check` returns a value (a throw counts as "not yet"), for effects that land asynchronously. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`, { cause: lastError });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const CONTACTS = { primaryContact: { email: 'jan@example.com' }, requester: { email: 'jan@example.com' } };

/** A submitted case held by the local agent; returns its id. */
export async function openCase(client: Client): Promise<string> {
  const { body } = await client.call('agent', 'POST', '/cases', { title: 'Timer case', description: 'd', category: 'c', contacts: CONTACTS });
  return body.case.id as string;
}
