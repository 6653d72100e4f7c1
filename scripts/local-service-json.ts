/**
 * An answer of the local service (wrangler dev) as JSON, asked again where local development, not
 * the service, got in the way: wrangler reloading the Worker (the site's assets rebuilt under it)
 * answers a POST it was passing on with a 503 "Your worker restarted mid-request", a busy machine
 * drops a connection, and a request can be held unanswered while the one thread runs tasks (seen
 * for minutes; asked again, it is answered). Only for calls that are safe to repeat: reads, and a
 * trigger, which joins the job of the same model.
 */
export async function localServiceJson<T>(url: string, init?: RequestInit, options: { attempts?: number; answerTimeoutMs?: number } = {}): Promise<{ status: number; body: T }> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    let why: string;
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.answerTimeoutMs ?? 60_000) });
      const text = await response.text();
      const json = parseJson(text);
      // the service answers JSON, errors too; wrangler's proxy, while the Worker reloads, a 503 in text
      if (json !== undefined) return { status: response.status, body: json as T };
      why = `${response.status}: ${text.slice(0, 200)}`;
    } catch (error) {
      why = (error as Error).name === "TimeoutError" ? "no answer in time" : String((error as Error).cause ?? error);
    }
    if (attempt >= attempts) throw new Error(`${url}: ${why} (asked ${attempts} times)`);
    await new Promise((r) => setTimeout(r, 1000 * Math.min(attempt, 5)));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
