import type { ByteSource } from "../safetensors/types.ts";
import { ByteRangeError } from "../safetensors/byte-range-error.ts";
import { checkByteRange } from "../safetensors/check-byte-range.ts";
import { HubError } from "./hub-error.ts";
import { hubStatusError } from "./hub-status-error.ts";
import { parseContentRange } from "./parse-content-range.ts";
import { parseRetryAfter } from "./parse-retry-after.ts";
import { backoffDelay } from "./backoff-delay.ts";
import { redactUrl } from "./redact-url.ts";
import { DEFAULT_REDIRECT_HOSTS, isAllowedRedirect } from "./is-allowed-redirect.ts";
import { readFromStream } from "../safetensors/read-from-stream.ts";

export { DEFAULT_REDIRECT_HOSTS };

export interface RetryOptions {
  /** failed tries in a row of one range before giving up; a try that delivers new bytes resets the count */
  maxTries?: number;
  /** failed tries of one range in all, however many bytes each delivered: a server that trickles and drops cannot keep a read going forever */
  maxTotalTries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** the longest `Retry-After` honoured */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpByteSourceOptions {
  fetch?: typeof fetch;
  /** sent with every request to the URL's own origin (e.g. Authorization); credentials are not sent to redirect targets elsewhere */
  headers?: Record<string, string>;
  retry?: RetryOptions;
  /** how long to wait for an answer's headers, and then for each next piece of its body, before the try counts as failed */
  timeoutMs?: number;
  /** told of every redirect followed (URLs redacted) */
  onRedirect?: (from: string, to: string) => void;
  /**
   * hosts a redirect may lead to besides the URL's own origin: exact names or `*.suffix`, https
   * only, never IP addresses or loopback names (default DEFAULT_REDIRECT_HOSTS, the real Hub's)
   */
  redirectHosts?: readonly string[];
}

const MAX_REDIRECTS = 10;
const DEFAULT_TIMEOUT_MS = 30_000;
const CREDENTIAL_HEADERS = ["authorization", "cookie"];

/** A failed try worth repeating: why, the status to report if the tries run out, and how long to wait. */
class Retryable {
  constructor(
    readonly reason: string,
    readonly status: number,
    readonly delayMs?: number,
  ) {}
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

class Timeout extends Error {}

/** `promise`, or a Timeout after `ms` (whichever comes first); `onTimeout` lets go of what it waits for. */
async function within<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Timeout());
    }, ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A file served over HTTP as a ByteSource, using only `fetch` Range requests (`bytes=a-b`, answered
 * 206 with a matching `Content-Range`). Follows redirects itself (within the URL's origin, or to
 * https hosts of `redirectHosts`; any other is a final `bad_redirect`) and reuses the signed
 * target until it answers 403/410, then resolves again from the original URL. Retries 429
 * (honouring `Retry-After`), 5xx, network errors, answers that stall (no headers, or no next bytes, within
 * `timeoutMs`) and bodies that end early (resuming after the last byte received), with
 * exponential backoff and a bounded number of tries. Final failures are HubErrors.
 */
export function httpByteSource(url: string, options: HttpByteSourceOptions = {}): ByteSource {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const original = new URL(url).href;
  const originalOrigin = new URL(url).origin;
  const name = redactUrl(url);
  const redirectHosts = options.redirectHosts ?? DEFAULT_REDIRECT_HOSTS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry = {
    maxTries: 5,
    maxTotalTries: 20,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 60_000,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    ...options.retry,
  };
  let resolved: string | undefined;
  let knownSize: number | undefined;
  // browsers hide redirects from `redirect: "manual"`; then every request starts again from the original URL
  let followMode = false;

  function headersFor(target: string, first: number, last: number): Headers {
    const headers = new Headers(options.headers);
    if (new URL(target).origin !== originalOrigin) for (const header of CREDENTIAL_HEADERS) headers.delete(header);
    headers.set("range", `bytes=${first}-${last}`);
    return headers;
  }

  /** One try at bytes first..last: a response whose body is exactly those bytes, or a Retryable; throws final errors. */
  async function open(first: number, last: number): Promise<Response | Retryable> {
    let target = followMode ? original : (resolved ?? original);
    for (let hops = 0; ; hops++) {
      let response: Response;
      const abort = new AbortController();
      try {
        const request = doFetch(target, { headers: headersFor(target, first, last), redirect: followMode ? "follow" : "manual", signal: abort.signal });
        response = await within(request, timeoutMs, () => abort.abort());
      } catch (error) {
        if (error instanceof Timeout) return new Retryable(`no answer within ${timeoutMs / 1000} s`, 504);
        return new Retryable(`network error (${(error as Error).message})`, 502);
      }
      if (response.type === "opaqueredirect") {
        followMode = true;
        target = original;
        continue;
      }
      const { status } = response;
      if (status >= 300 && status < 400) {
        await discard(response);
        const location = response.headers.get("location");
        if (location === null) throw new HubError("bad_redirect", status, name, `answered ${status} without a Location`);
        if (hops >= MAX_REDIRECTS) throw new HubError("too_many_redirects", status, name, `more than ${MAX_REDIRECTS} redirects`);
        const next = new URL(location, target);
        // a Location can name any URL; one chosen by whoever controls an answer must not make the reader fetch from inside the service's network
        if (!isAllowedRedirect(original, next, redirectHosts)) {
          throw new HubError("bad_redirect", status, name, `redirects to ${next.protocol}//${next.host}, which is not the Hub's origin nor an allowed https host; not followed`);
        }
        options.onRedirect?.(redactUrl(target), redactUrl(next));
        target = next.href;
        continue;
      }
      if ((status === 403 || status === 410) && (target !== original || response.redirected)) {
        await discard(response);
        resolved = undefined;
        return new Retryable(`the redirect target answered ${status} (its signature expired?)`, status, 0);
      }
      if (status === 206) {
        const range = parseContentRange(response.headers.get("content-range"));
        if (range === null || "unsatisfied" in range || range.first !== first || range.last !== last) {
          await discard(response);
          const got = JSON.stringify(response.headers.get("content-range"));
          throw new HubError("bad_content_range", status, name, `asked for bytes ${first}-${last}, the answer's Content-Range is ${got}`);
        }
        if (range.total !== null && knownSize !== undefined && range.total !== knownSize) {
          await discard(response);
          // the files of a commit never change: other bytes now mean the Hub serves something else, and no read can be trusted
          throw new HubError("file_changed", 409, name, `the file was ${knownSize} bytes and is now ${range.total}: it changed while being read`);
        }
        if (range.total !== null) knownSize = range.total;
        if (!followMode && target !== original) resolved = target;
        return response;
      }
      if (status === 200) {
        const length = response.headers.get("content-length");
        // a server that ignores Range may still answer correctly when the range is the whole file
        if (first === 0 && length !== null && Number(length) === last + 1) {
          knownSize = last + 1;
          if (!followMode && target !== original) resolved = target;
          return response;
        }
        await discard(response);
        throw new HubError("range_not_supported", status, name, `answered 200 with the whole file to a request for bytes ${first}-${last}: byte ranges are not served`);
      }
      if (status === 416) {
        const range = parseContentRange(response.headers.get("content-range"));
        await discard(response);
        if (range !== null && "unsatisfied" in range) knownSize = range.total;
        throw new ByteRangeError("out_of_range", name, `bytes ${first}..${last + 1} lie beyond the file${knownSize === undefined ? "" : ` (${knownSize} bytes)`}`);
      }
      if (status === 429) {
        const delay = parseRetryAfter(response.headers.get("retry-after"), Date.now(), retry.maxRetryAfterMs);
        await discard(response);
        return new Retryable("rate limited (429)", status, delay);
      }
      if (status >= 500) {
        await discard(response);
        return new Retryable(`server error ${status}`, status);
      }
      const error = hubStatusError(response, name);
      await discard(response);
      throw error;
    }
  }

  async function* stream(offset: number, length: number): AsyncGenerator<Uint8Array> {
    checkByteRange(name, offset, length, knownSize ?? Number.MAX_SAFE_INTEGER);
    const end = offset + length;
    let position = offset;
    let failures = 0;
    let totalFailures = 0;
    while (position < end) {
      const opened = await open(position, end - 1);
      let problem = opened instanceof Retryable ? opened : undefined;
      if (!(opened instanceof Retryable)) {
        const before = position;
        const reader = opened.body?.getReader();
        try {
          while (reader) {
            let step: ReadableStreamReadResult<Uint8Array>;
            try {
              step = await within(reader.read(), timeoutMs, () => void reader.cancel().catch(() => undefined));
            } catch (error) {
              problem =
                error instanceof Timeout
                  ? new Retryable(`no bytes for ${timeoutMs / 1000} s after ${position - offset} of ${length}`, 504)
                  : new Retryable(`connection dropped after ${position - offset} of ${length} bytes (${(error as Error).message})`, 502);
              break;
            }
            if (step.done) break;
            const chunk = step.value;
            if (position + chunk.byteLength > end) {
              throw new HubError("bad_content_range", opened.status, name, `sent more than the ${length} bytes asked for`);
            }
            position += chunk.byteLength;
            if (chunk.byteLength > 0) yield chunk;
          }
        } finally {
          await reader?.cancel().catch(() => undefined);
        }
        if (position > before) failures = 0;
        if (problem === undefined && position < end) problem = new Retryable(`the answer ended after ${position - offset} of ${length} bytes`, 502);
      }
      if (problem !== undefined) {
        failures++;
        totalFailures++;
        if (failures >= retry.maxTries || totalFailures >= retry.maxTotalTries) {
          throw new HubError("retries_exhausted", problem.status, name, `gave up after ${totalFailures} failed tries: ${problem.reason}`);
        }
        await retry.sleep(problem.delayMs ?? backoffDelay(failures, retry.baseDelayMs, retry.maxDelayMs));
      }
    }
  }

  return {
    name,
    stream,
    async size() {
      if (knownSize === undefined) {
        try {
          // the answer's Content-Range carries the total
          for await (const _ of stream(0, 1));
        } catch (error) {
          // an empty file answers 416 with `bytes */0`
          if (!(error instanceof ByteRangeError && knownSize !== undefined)) throw error;
        }
      }
      if (knownSize === undefined) throw new HubError("unknown_size", 502, name, "the server did not say how large the file is");
      return knownSize;
    },
    read: (offset, length) => readFromStream(stream, offset, length),
  };
}
