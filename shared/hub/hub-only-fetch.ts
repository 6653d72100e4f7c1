import { ModelLookupError } from "./model-lookup-error.ts";

const MAX_REDIRECTS = 5;

function shownOrigin(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * `fetch` for the Hub API that talks to the configured Hub's origin and nowhere else.
 * @huggingface/hub follows the listing's `Link: rel="next"` to whatever URL it names and sends the
 * token along (the service's HF_TOKEN, or a CLI user's own), so a request off the Hub's origin is
 * refused before it is made. Redirects are followed here, within the origin only, for the same
 * reason: fetch's own following would leave credential stripping to the platform.
 */
export function hubOnlyFetch(hubUrl: string, baseFetch: typeof fetch): typeof fetch {
  const hubOrigin = new URL(hubUrl).origin;
  return async (input, init) => {
    // @huggingface/hub passes URL strings, and that is what `baseFetch` sees; a Request's own settings travel along
    const settings: RequestInit = input instanceof Request ? { method: input.method, headers: input.headers, signal: input.signal, ...init } : { ...init };
    let url = new URL(input instanceof Request ? input.url : input);
    if (url.origin !== hubOrigin) {
      throw new ModelLookupError("hub_error", 502, `the Hub's listing pointed at ${shownOrigin(url)}, which is not the Hub; not followed`);
    }
    for (let hops = 0; ; hops++) {
      const response = await baseFetch(url.href, { ...settings, redirect: "manual" });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) throw new ModelLookupError("hub_error", 502, `the Hub redirected more than ${MAX_REDIRECTS} times`);
      url = new URL(location, url);
      if (url.origin !== hubOrigin) {
        throw new ModelLookupError("hub_error", 502, `the Hub redirected to ${shownOrigin(url)}, which is not the Hub; not followed`);
      }
    }
  };
}
