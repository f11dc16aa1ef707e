/**
 * Every function's timeout. Long enough for a command on a busy case to spend its retry budget
 * (BUSY_CASE_RETRY, 20 s) and answer; short of the HTTP API's 30 s integration timeout, so the
 * caller gets our answer, not a 503. The local runtime gives its invocations the same time.
 */
export const FUNCTION_TIMEOUT_SECONDS = 25;
