import { createHmac, timingSafeEqual } from "node:crypto";

// Signature = HMAC-SHA256(key, pathname "\n" expires): the query cannot be moved to another file
// or given a later expiry, as with the Hub's signed CDN URLs.
function signature(key: string, pathname: string, expires: number): string {
  return createHmac("sha256", key).update(`${pathname}\n${expires}`).digest("hex");
}

/** Query string (`Expires=<unix ms>&Signature=<hex>`) making `pathname` valid until `expires`. */
export function signCdnPath(key: string, pathname: string, expires: number): string {
  return `Expires=${expires}&Signature=${signature(key, pathname, expires)}`;
}

/** Whether a CDN request carries a signature for its own path, and whether it is still in date. */
export function checkCdnSignature(key: string, pathname: string, query: URLSearchParams, now: number): "valid" | "expired" | "invalid" {
  const expiresText = query.get("Expires");
  const given = query.get("Signature");
  if (expiresText === null || given === null || !/^\d{1,16}$/.test(expiresText) || !/^[0-9a-f]{64}$/.test(given)) return "invalid";
  const expires = Number(expiresText);
  const expected = Buffer.from(signature(key, pathname, expires), "hex");
  if (!timingSafeEqual(expected, Buffer.from(given, "hex"))) return "invalid";
  return now >= expires ? "expired" : "valid";
}
