import { DurableObject } from "cloudflare:workers";

interface Window {
  start: number;
  count: number;
}

/**
 * Counts one client's analysis triggers in fixed one-minute windows (one object per client).
 * `take` answers whether this trigger is allowed and, when not, how long to wait.
 */
export class TriggerRateLimiter extends DurableObject {
  async take(limit: number, windowMs = 60_000): Promise<{ ok: boolean; retryAfterSeconds: number }> {
    const now = Date.now();
    const stored = await this.ctx.storage.get<Window>("window");
    const window = stored && now - stored.start < windowMs ? stored : { start: now, count: 0 };
    if (window.count >= limit) return { ok: false, retryAfterSeconds: Math.ceil((window.start + windowMs - now) / 1000) };
    await this.ctx.storage.put("window", { ...window, count: window.count + 1 });
    return { ok: true, retryAfterSeconds: 0 };
  }
}
