import { HeavytailError } from "./heavytail-error.ts";

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * The HeavytailError `value` is, or was before a structured clone dropped its prototype: a worker
 * thread's uncaught error reaches its parent as a plain Error that keeps its own fields (name,
 * code, status, transient, retryAfter). Null for anything else: a platform's codes (ENOENT) are
 * not snake_case and carry no status.
 */
export function reviveHeavytailError(value: unknown): HeavytailError | null {
  if (value instanceof HeavytailError) return value;
  const v = value as { name?: unknown; code?: unknown; status?: unknown; message?: unknown; transient?: unknown; retryAfter?: unknown } | null | undefined;
  if (typeof v?.code !== "string" || !SNAKE_CASE.test(v.code) || typeof v.status !== "number" || typeof v.message !== "string") return null;
  const revived = new HeavytailError(v.code, v.status, v.message, {
    transient: v.transient === true,
    retryAfter: typeof v.retryAfter === "number" ? v.retryAfter : undefined,
  });
  if (typeof v.name === "string") revived.name = v.name;
  return revived;
}
