import { exports } from "cloudflare:workers";

/** A request to the Worker under test (its default export), on a fixed test origin. */
export function workerFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const worker = (exports as unknown as { default: Fetcher }).default;
  return worker.fetch(new Request(`http://heavytail.test${path}`, init));
}
