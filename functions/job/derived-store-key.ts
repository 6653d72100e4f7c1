import { parseAnalysisKey } from "./derived-key.ts";

/**
 * Where a report against a base is kept in KV: `{id}@{sha}/{mode}/{sha-256 hex of base id@sha}`.
 * The public key holds two Hub ids of up to 96 characters each and KV refuses keys over 512 bytes,
 * so the base half is hashed to a fixed 64 characters; the model half stays readable so its
 * derived reports can still be listed by prefix. The base's id and sha live in the record's metadata.
 */
export async function derivedStoreKey(key: string): Promise<string> {
  // a model's own key (no `/` after its `@`) is short already, and is passed through unparsed
  const at = key.indexOf("@");
  if (at < 0 || key.indexOf("/", at) < 0) return key;
  const { id, sha, base } = parseAnalysisKey(key);
  if (base === null) return key;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${base.id}@${base.sha}`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${id}@${sha}/${base.mode}/${hex}`;
}
