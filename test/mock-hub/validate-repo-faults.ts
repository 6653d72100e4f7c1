import { MockHubError } from "./mock-hub-error.ts";
import type { RepoFaults } from "./types.ts";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function wholeNumber(value: unknown, where: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new MockHubError("BadFaults", `${where} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function absoluteUrl(value: unknown, where: string): string {
  const url = typeof value === "string" && URL.canParse(value) ? new URL(value) : null;
  if (url === null || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new MockHubError("BadFaults", `${where} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  return value as string;
}

function part(value: unknown, where: string): Record<string, unknown> {
  if (!isObject(value)) throw new MockHubError("BadFaults", `${where} must be an object`);
  return value;
}

/** Checks a fault description (from `.mockhub.json`, `POST /__mock/faults` or `setFaults`) and returns a fresh copy. */
export function validateRepoFaults(value: unknown): RepoFaults {
  const faults = part(value, "faults");
  const known = ["rate429", "error5xx", "dropAfterBytes", "slowBytesPerSecond", "expireSignaturesAfterMs", "treeLinkTo", "infoBody", "redirectTo"];
  const unknown = Object.keys(faults).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new MockHubError("BadFaults", `unknown fault(s) ${unknown.join(", ")}; known: ${known.join(", ")}`);
  const out: RepoFaults = {};
  if (faults.rate429 !== undefined) {
    const f = part(faults.rate429, "rate429");
    out.rate429 = { count: wholeNumber(f.count, "rate429.count", 0), retryAfter: wholeNumber(f.retryAfter ?? 1, "rate429.retryAfter", 0) };
  }
  if (faults.error5xx !== undefined) {
    const f = part(faults.error5xx, "error5xx");
    const status = wholeNumber(f.status ?? 500, "error5xx.status", 500);
    if (status > 599) throw new MockHubError("BadFaults", `error5xx.status must be 500..599, got ${status}`);
    out.error5xx = { count: wholeNumber(f.count, "error5xx.count", 0), status };
  }
  if (faults.dropAfterBytes !== undefined) {
    const f = part(faults.dropAfterBytes, "dropAfterBytes");
    out.dropAfterBytes = { count: wholeNumber(f.count, "dropAfterBytes.count", 0), bytes: wholeNumber(f.bytes, "dropAfterBytes.bytes", 0) };
  }
  if (faults.slowBytesPerSecond !== undefined) {
    out.slowBytesPerSecond = wholeNumber(faults.slowBytesPerSecond, "slowBytesPerSecond", 1);
  }
  if (faults.expireSignaturesAfterMs !== undefined) {
    out.expireSignaturesAfterMs = wholeNumber(faults.expireSignaturesAfterMs, "expireSignaturesAfterMs", 0);
  }
  if (faults.treeLinkTo !== undefined) out.treeLinkTo = absoluteUrl(faults.treeLinkTo, "treeLinkTo");
  if (faults.redirectTo !== undefined) out.redirectTo = absoluteUrl(faults.redirectTo, "redirectTo");
  if (faults.infoBody !== undefined) {
    if (typeof faults.infoBody !== "string") throw new MockHubError("BadFaults", `infoBody must be a string, got ${JSON.stringify(faults.infoBody)}`);
    out.infoBody = faults.infoBody;
  }
  return out;
}
