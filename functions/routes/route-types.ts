import type { Context } from "hono";
import type { Env } from "../env.ts";

export type AppEnv = { Bindings: Env };
export type AppContext = Context<AppEnv>;

/** The request path exactly as sent (never percent-decoded), after `prefix`. */
export function pathAfter(c: AppContext, prefix: string): string {
  return new URL(c.req.url).pathname.slice(prefix.length);
}
