/**
 * `fetch` whose every request, body included, is aborted after `timeoutMs` (or sooner by the
 * request's own signal): a Hub that accepts the connection and then never answers must not hold a
 * lookup open. The abort rejects with a DOMException named "TimeoutError".
 */
export function fetchWithTimeout(baseFetch: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return baseFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
