import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import type { Env } from "../env.ts";
import { derivedKey } from "./derived-key.ts";
import { getDerivedReportText, putDerivedReport, type DerivedMetadata } from "./derived-report-store.ts";
import { derivedStoreKey } from "./derived-store-key.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);
// the Hub allows 96 characters on each side of the slash
const LONGEST = `${"o".repeat(96)}/${"n".repeat(96)}`;
const LONGEST_BASE = `${"p".repeat(96)}/${"q".repeat(96)}`;
// KV's limit on a key's bytes
const KV_KEY_BYTES = 512;

describe("derived store keys", () => {
  it("fit KV's keys with a task suffix even for two ids at the Hub's maximum length", async () => {
    const key = derivedKey(LONGEST, A, { id: LONGEST_BASE, sha: B, mode: "with_base" });
    const stored = await derivedStoreKey(key);
    expect(stored).toMatch(new RegExp(`^${LONGEST}@${A}/with_base/[0-9a-f]{64}$`));
    expect(`derived-piece:${stored}:99`.length).toBeLessThan(KV_KEY_BYTES);
    // room for a split layer's part and chunk after `part:` (gram-parts.ts)
    expect(KV_KEY_BYTES - `part:${stored}:`.length).toBeGreaterThan(150);
  });

  it("differ by base and mode and leave a model's own key alone", async () => {
    const one = await derivedStoreKey(derivedKey("org/tuned", A, { id: "org/base", sha: B, mode: "delta" }));
    const other = await derivedStoreKey(derivedKey("org/tuned", A, { id: "org/base2", sha: B, mode: "delta" }));
    const adapter = await derivedStoreKey(derivedKey("org/tuned", A, { id: "org/base", sha: B, mode: "with_base" }));
    expect(new Set([one, other, adapter]).size).toBe(3);
    expect(await derivedStoreKey(`org/tuned@${A}`)).toBe(`org/tuned@${A}`);
  });

  it("keep the base's id and sha in the stored record", async () => {
    const kv = (env as unknown as Env).REPORTS;
    const base = { id: LONGEST_BASE, sha: B, mode: "delta" as const };
    const key = derivedKey(LONGEST, A, base);
    // the store only serialises the report
    const report = { model: { id: LONGEST, sha: A } } as unknown as Report;
    await putDerivedReport(kv, key, report);
    expect(JSON.parse((await getDerivedReportText(kv, key))!)).toEqual(report);
    const listed = await kv.list<DerivedMetadata>({ prefix: `derived:${LONGEST}@${A}/` });
    expect(listed.keys.map((k) => k.metadata)).toEqual([{ pieces: 1, id: LONGEST, sha: A, base }]);
  });
});
