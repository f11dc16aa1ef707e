import { useEffect, useRef, useState } from 'preact/hooks';
import { type Api, ApiError } from '../shared/api-client.ts';
import type { ReplyDraftResponse } from '../shared/api-types.ts';

/** Saved this long after the last keystroke: a save per pause, not per key. */
const SAVE_AFTER_MS = 800;

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

export interface ReplyDraft {
  state: DraftState;
  /** Saves soon; an empty text deletes the draft. */
  change: (text: string, includeHistory: boolean) => void;
  /**
   * Before a send: drops a save still waiting for its pause and waits for one already on its way,
   * so no save reaches the server after the reply that deletes the draft (it would bring it back).
   */
  settle: () => Promise<void>;
  /** Sending the reply removed the draft on the server. */
  sent: () => void;
}

/**
 * The agent's unsent reply, kept on the server as they type (their own, per case): it survives a
 * reload or another browser, and its first save tells the case the agent started a reply.
 */
export function useReplyDraft(api: Api, caseId: string, restore: (text: string, includeHistory: boolean) => void): ReplyDraft {
  const [state, setState] = useState<DraftState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const path = `/cases/${encodeURIComponent(caseId)}/reply-draft`;

  useEffect(() => {
    let current = true;
    void api<ReplyDraftResponse>('GET', path)
      .then((response) => {
        const draft = response.data?.draft;
        if (current && draft) restore(draft.text, draft.includeHistory);
      })
      .catch(() => undefined);
    return () => {
      current = false;
      clearTimeout(timer.current);
    };
    // Restoring happens once per case, whatever `restore` the composer passed on this render.
  }, [api, path]);

  const change = (text: string, includeHistory: boolean) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setState('saving');
      const request = text.trim() === '' ? api('DELETE', path) : api('PUT', path, { body: { text, includeHistory } });
      inFlight.current = request.then(
        () => setState('saved'),
        // The reply was sent while this save was on its way: there is no draft to keep, as intended.
        (error: unknown) => setState(error instanceof ApiError && error.code === 'reply_draft_gone' ? 'idle' : 'failed'),
      );
    }, SAVE_AFTER_MS);
  };

  const settle = async () => {
    clearTimeout(timer.current);
    await inFlight.current;
  };

  const sent = () => {
    clearTimeout(timer.current);
    setState('idle');
  };

  return { state, change, settle, sent };
}
