import { performance } from 'node:perf_hooks';
import { createTransport } from 'nodemailer';
import type { LocalHelpdesk } from '../local/start.ts';

export interface Sent {
  /** "250", or the SMTP reply code of a refusal ("no response" when the connection failed). */
  outcome: string;
  /** From opening the connection to the server's answer to the message's data. */
  ms: number;
}

/**
 * One message on a connection of its own, as a sending server delivers it. The local listener
 * answers the data with 250 only once the ingestion handler has run, so `ms` spans ingestion.
 */
export async function sendMail(helpdesk: LocalHelpdesk, message: { from: string; subject: string; text: string }): Promise<Sent> {
  const started = performance.now();
  const transport = createTransport({ host: '127.0.0.1', port: helpdesk.mail.smtpPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: helpdesk.mail.mailboxes[0], ...message });
    return { outcome: '250', ms: performance.now() - started };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    return { outcome: code === undefined ? 'no response' : String(code), ms: performance.now() - started };
  } finally {
    transport.close();
  }
}

/** Titles of every case in "to assign", read over HTTP as an agent, page by page with the cursor. */
export async function toAssignTitles(helpdesk: LocalHelpdesk): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${helpdesk.url}/queues/to-assign?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers: { authorization: `Bearer ${helpdesk.tokens.agent}` },
    });
    if (!response.ok) throw new Error(`GET /queues/to-assign answered ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { items: { title: string }[]; nextCursor: string | null };
    titles.push(...page.items.map((item) => item.title));
    cursor = page.nextCursor;
  } while (cursor);
  return titles;
}

/**
 * Reads "to assign" every `intervalMs` until `done` holds for its titles; resolves with the time
 * the read that satisfied it finished, or null if none did within `timeoutMs`.
 */
export async function pollToAssign(
  helpdesk: LocalHelpdesk,
  done: (titles: string[]) => boolean,
  options: { intervalMs: number; timeoutMs: number },
): Promise<number | null> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    if (done(await toAssignTitles(helpdesk))) return performance.now();
    if (performance.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
