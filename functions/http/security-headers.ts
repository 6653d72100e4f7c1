import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../routes/route-types.ts";
import { securityHeadersFor } from "./security-headers-for.ts";

/**
 * Adds the security headers (securityHeadersFor) to every answer of the Worker, errors included:
 * Hono has turned a thrown error into its JSON answer by the time `next()` returns.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // a fresh response: one passed through from a fetch has headers that cannot be changed
  const response = new Response(c.res.body, c.res);
  for (const [name, value] of Object.entries(securityHeadersFor(response.headers.get("content-type")))) response.headers.set(name, value);
  c.res = undefined;
  c.res = response;
};
