import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, eventually, openCase, ownHelpdesk, sleep } from './local-helpdesk.ts';

/** Short, to keep the test quick: java's own start (2 s or more) leaves ample time to see the database down. */
const RESTART_DELAY_MS = 500;

interface RawResponse {
  status: number;
  body: any;
  reusedSocket: boolean;
}

/** node:http rather than fetch: fetch will not send a bad Host, and the agent shows whether a connection was reused. */
function send(url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer; agent?: Agent } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes a request with a body of `size` bytes on a raw socket and returns everything the server sent until it closed. */
function postOnRawSocket(url: string, size: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    // The server stops reading past its cap, so our writes may fail once it has answered and closed.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.write(`POST /cases HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${size}\r\n\r\n`);
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < size && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

let client: Client;
let stopped = false;
beforeAll(async () => {
  client = await ownHelpdesk({ dataDir: mkdtempSync(join(tmpdir(), 'helpdesk-parity-')), dynamoDbRestartDelayMs: RESTART_DELAY_MS });
});
afterAll(async () => {
  if (!stopped) await client?.helpdesk.stop();
});

describe('the local HTTP server at the edges API Gateway guards', () => {
  it('answers 400 to a path that is not valid percent-encoding', async () => {
    const response = await send(client.helpdesk.url, '/cases/%E0%A4%A', { headers: { authorization: `Bearer ${client.helpdesk.tokens.agent}` } });

    expect(response).toMatchObject({ status: 400, body: { message: 'Bad Request' } });
  });

  it('answers 400 to a Host header that is no host name', async () => {
    const response = await send(client.helpdesk.url, '/openapi.json', { headers: { host: 'a b' } });

    expect(response).toMatchObject({ status: 400, body: { message: 'Bad Request' } });
  });

  it('answers 413 to an 11 MB body and serves the next request on the same connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { authorization: `Bearer ${client.helpdesk.tokens.agent}`, 'content-type': 'application/json' };

    try {
      const tooLarge = await send(client.helpdesk.url, '/cases', { method: 'POST', headers, body: Buffer.alloc(11 * 1024 * 1024, ' '), agent });
      const next = await send(client.helpdesk.url, '/openapi.json', { agent });

      expect(tooLarge).toMatchObject({ status: 413, body: { message: 'Request Entity Too Large' } });
      expect(next).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });

  it('answers 413 and closes the connection when a body goes on past what it drains', async () => {
    const received = await postOnRawSocket(client.helpdesk.url, 80 * 1024 * 1024);

    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toMatch(/^connection: close\r$/im);
    expect(received).toContain('{"message":"Request Entity Too Large"}');
  });
});

describe('DynamoDB Local under the local helpdesk', () => {
  it('reports healthy on GET /health without a token', async () => {
    const response = await send(client.helpdesk.url, '/health');

    expect(response).toMatchObject({ status: 200, body: { status: 'ok', dynamoDb: 'up' } });
  });

  it('is reported down when killed, then restarted on the same endpoint with the data kept', async () => {
    const id = await openCase(client);
    // DynamoDB Local answers a transaction before it is on disk: killed within a few ms, it can lose it.
    await sleep(1_000);
    const { dynamoDb } = client.helpdesk;
    const pid = dynamoDb.pid()!;
    const errors = vi.spyOn(console, 'error');

    process.kill(pid, 'SIGKILL');
    const down = await eventually(async () => {
      const response = await send(client.helpdesk.url, '/health');
      return response.status === 503 && response;
    }, 5_000);
    await eventually(async () => (await send(client.helpdesk.url, '/health')).status === 200, 20_000);
    const again = await client.call('agent', 'GET', `/cases/${id}`);

    expect(down.body).toMatchObject({ status: 'degraded', dynamoDb: 'down', exit: { pid, code: null, signal: 'SIGKILL' } });
    expect(errors).toHaveBeenCalledWith(`DynamoDB Local (pid ${pid}) exited with code null / signal SIGKILL; restarting in ${RESTART_DELAY_MS} ms`);
    expect(dynamoDb.pid()).not.toBe(pid);
    expect(dynamoDb.endpoint).toBe(client.helpdesk.dynamoDbEndpoint);
    expect(again).toMatchObject({ status: 200, body: { case: { id } } });
  });

  it('is not restarted once the helpdesk stops, even when it died just before', async () => {
    const { dynamoDb } = client.helpdesk;
    const pid = dynamoDb.pid()!;

    process.kill(pid, 'SIGKILL');
    await eventually(async () => !dynamoDb.up());
    await client.helpdesk.stop();
    stopped = true;
    await sleep(RESTART_DELAY_MS * 2);

    expect(dynamoDb.pid()).toBeUndefined();
    await expect(fetch(dynamoDb.endpoint)).rejects.toThrow();
  });
});
