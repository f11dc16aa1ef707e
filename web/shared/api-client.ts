import type { ErrorBody } from './api-types.ts';

export interface ApiResponse<T> {
  status: number;
  /** Absent for 204 and 304. */
  data?: T;
  etag: string | null;
}

/** An error answer of the API, with what the caller can act on: the code, field issues, allowed commands. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface RequestOptions {
  body?: unknown;
  /** The case version the caller saw: a change made meanwhile answers 409 instead of being overwritten. */
  ifMatch?: number;
  /** The ETag of the copy the caller holds: 304 when nothing changed. */
  ifNoneMatch?: string;
  /** Headers a route declares, such as a public link's `x-case-link`. */
  headers?: Record<string, string>;
}

export type Api = <T>(method: string, path: string, options?: RequestOptions) => Promise<ApiResponse<T>>;

/** Calls the HTTP API with the session's bearer token (none where `token` gives null); an error answer throws an ApiError. */
export function createApi(baseUrl: string, token: () => string | null, onUnauthorized: () => void): Api {
  return async <T>(method: string, path: string, options: RequestOptions = {}) => {
    const bearer = token();
    const headers: Record<string, string> = { ...options.headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    if (response.status === 401) onUnauthorized();
    const etag = response.headers.get('etag');
    if (response.status === 204 || response.status === 304) return { status: response.status, etag };
    const text = await response.text();
    const data = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const error = (data as ErrorBody | undefined)?.error;
      throw new ApiError(response.status, error?.code ?? String(response.status), error?.message ?? response.statusText, error?.issues ?? []);
    }
    return { status: response.status, data: data as T, etag };
  };
}
