import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import type { Env } from "../env.ts";
import { deleteGramParts, getGramPart, gramPartChunks, gramPartWriter, putGramPart } from "./gram-parts.ts";

const kv = (env as unknown as Env).REPORTS;

it("stores partial Grams larger than one KV value in chunks and reads them back exactly", async () => {
  const big = Float64Array.from({ length: 2_500_000 }, (_, k) => k * 0.5 - 1e6);
  const small = Float64Array.from([1, -2, Math.PI]);
  await putGramPart(kv, "org/name@abc", "000001:p0000", [big, small]);
  const [readBig, readSmall] = await getGramPart(kv, "org/name@abc", "000001:p0000");
  expect(readBig.length).toBe(big.length);
  // element by element: a deep equality over millions of values would take most of a minute
  let mismatches = 0;
  for (let k = 0; k < big.length; k++) if (readBig[k] !== big[k]) mismatches++;
  expect(mismatches).toBe(0);
  expect(readSmall).toEqual(small);
  expect((await kv.list({ prefix: "part:org/name@abc:000001:p0000" })).keys).toHaveLength(2);
  await deleteGramParts(kv, "org/name@abc", ["000001:p0000"]);
  expect((await kv.list({ prefix: "part:org/name@abc" })).keys).toHaveLength(0);
  await expect(getGramPart(kv, "org/name@abc", "000001:p0000")).rejects.toThrow(/missing/);
});

it("streams a part out as it is computed and reads it back a chunk at a time", async () => {
  // 1 KiB chunks: a part of 1000 values written in uneven pieces spans eight of them
  const writer = await gramPartWriter(kv, "org/name@abc", "000002:w0000", 1024);
  const values = Float64Array.from({ length: 1000 }, (_, k) => Math.sin(k) * 1e3);
  for (let at = 0; at < values.length; at += 97) await writer.write(values.subarray(at, Math.min(values.length, at + 97)));
  await expect(getGramPart(kv, "org/name@abc", "000002:w0000")).rejects.toThrow(/missing/);
  await writer.close();
  const read: number[] = [];
  for await (const chunk of gramPartChunks(kv, "org/name@abc", "000002:w0000")) read.push(...chunk);
  expect(read).toEqual([...values]);
  expect(await getGramPart(kv, "org/name@abc", "000002:w0000")).toEqual([values]);
  expect((await kv.list({ prefix: "part:org/name@abc:000002:w0000" })).keys).toHaveLength(8);
  await deleteGramParts(kv, "org/name@abc", ["000002:w0000"]);
  expect((await kv.list({ prefix: "part:org/name@abc:000002" })).keys).toHaveLength(0);
});
