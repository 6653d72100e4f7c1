import { derivedStoreKey } from "../job/derived-store-key.ts";

// Partial Grams of a split layer wait in KV between its part tasks and its combine task.
// A value holds at most 25 MiB, so each part is stored in chunks; parts expire after a day.
const PREFIX = "part:";
const CHUNK_BYTES = 16 << 20;
const TTL_SECONDS = 86_400;

interface PartMetadata {
  /** values per slice */
  lengths: number[];
  chunks: number;
}

// a derived job's key holds two ids and can pass KV's 512-byte keys once the task is added
const partKey = async (jobKey: string, task: string) => `${PREFIX}${await derivedStoreKey(jobKey)}:${task}`;

/** Stores one part's arrays (one per slice) under the job and task, copying one chunk at a time. */
export async function putGramPart(kv: KVNamespace, jobKey: string, task: string, slices: Float64Array[]): Promise<void> {
  const views = slices.map((s) => new Uint8Array(s.buffer, s.byteOffset, s.byteLength));
  const total = views.reduce((sum, v) => sum + v.byteLength, 0);
  const chunks = Math.max(1, Math.ceil(total / CHUNK_BYTES));
  const chunk = (c: number): Uint8Array => {
    const start = c * CHUNK_BYTES;
    const out = new Uint8Array(Math.min(CHUNK_BYTES, total - start));
    let at = 0;
    for (const view of views) {
      const from = Math.max(0, start - at);
      const to = Math.min(view.byteLength, start + out.byteLength - at);
      if (from < to) out.set(view.subarray(from, to), at + from - start);
      at += view.byteLength;
    }
    return out;
  };
  for (let c = 1; c < chunks; c++) await kv.put(`${await partKey(jobKey, task)}:${c}`, chunk(c), { expirationTtl: TTL_SECONDS });
  // the first chunk goes last and carries the metadata: its presence means the part is complete
  const metadata: PartMetadata = { lengths: slices.map((s) => s.length), chunks };
  await kv.put(await partKey(jobKey, task), chunk(0), { expirationTtl: TTL_SECONDS, metadata });
}

/** One part's arrays, as stored. */
export async function getGramPart(kv: KVNamespace, jobKey: string, task: string): Promise<Float64Array[]> {
  const first = await kv.getWithMetadata<PartMetadata>(await partKey(jobKey, task), "arrayBuffer");
  if (first.value === null || first.metadata === null) throw new Error(`the partial Gram of task ${task} is missing from KV`);
  const { lengths, chunks } = first.metadata;
  const bytes = new Uint8Array(lengths.reduce((sum, n) => sum + n * 8, 0));
  bytes.set(new Uint8Array(first.value), 0);
  for (let c = 1; c < chunks; c++) {
    const chunk = await kv.get(`${await partKey(jobKey, task)}:${c}`, "arrayBuffer");
    if (chunk === null) throw new Error(`chunk ${c} of the partial Gram of task ${task} is missing from KV`);
    bytes.set(new Uint8Array(chunk), c * CHUNK_BYTES);
  }
  const slices: Float64Array[] = [];
  let at = 0;
  for (const n of lengths) {
    slices.push(new Float64Array(bytes.buffer, at, n));
    at += n * 8;
  }
  return slices;
}

/** Removes a finished layer's parts (they would expire anyway). */
export async function deleteGramParts(kv: KVNamespace, jobKey: string, tasks: string[]): Promise<void> {
  for (const task of tasks) {
    const first = await kv.getWithMetadata<PartMetadata>(await partKey(jobKey, task), "stream");
    await first.value?.cancel();
    const chunks = first.metadata?.chunks ?? 1;
    for (let c = 1; c < chunks; c++) await kv.delete(`${await partKey(jobKey, task)}:${c}`);
    await kv.delete(await partKey(jobKey, task));
  }
}
