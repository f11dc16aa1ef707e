import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../shared/api-client.ts';

/** How often an open view asks whether it changed; an unchanged one costs a 304 without a body. */
export const POLL_MS = 4_000;

export interface Polled<T> {
  data: T | null;
  error: Error | null;
  /** Fetches now, whether or not the interval is due (after a change this client made). */
  reload: () => Promise<void>;
}

/**
 * Keeps a GET resource fresh: conditional requests with the last ETag every few seconds while
 * the tab is visible, so a change made elsewhere shows within one interval.
 */
export function usePolled<T>(api: Api, path: string, intervalMs = POLL_MS): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const etag = useRef<string | null>(null);
  const current = useRef(path);

  const load = useCallback(async () => {
    const asked = path;
    try {
      const response = await api<T>('GET', asked, etag.current ? { ifNoneMatch: etag.current } : {});
      if (current.current !== asked) return;
      if (response.status !== 304) {
        etag.current = response.etag;
        setData(response.data ?? null);
      }
      setError(null);
    } catch (failure) {
      if (current.current === asked) setError(failure as Error);
    }
  }, [api, path]);

  useEffect(() => {
    current.current = path;
    etag.current = null;
    setData(null);
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [load, path, intervalMs]);

  return { data, error, reload: load };
}
