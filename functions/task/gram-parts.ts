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
  /** bytes per chunk (parts stored before it was recorded used CHUNK_BYTES) */
  chunkBytes?: number;
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
  const key = await partKey(jobKey, task);
  for (let c = 1; c < chunks; c++) await kv.put(`${key}:${c}`, chunk(c), { expirationTtl: TTL_SECONDS });
  await putHead(kv, key, chunk(0), { lengths: slices.map((s) => s.length), chunks });
}

// the first chunk goes last and carries the metadata: its presence means the part is complete
const putHead = (kv: KVNamespace, key: string, chunk: Uint8Array, metadata: PartMetadata) => kv.put(key, chunk, { expirationTtl: TTL_SECONDS, metadata });

/**
 * A part of one slice written as it is computed (a band of a Gram, wasmLowerBand), in chunks of
 * `chunkBytes`: only the first chunk and the one being filled are held, so a task never holds its
 * whole part. The part exists for readers once `close` has stored the first chunk.
 */
export async function gramPartWriter(kv: KVNamespace, jobKey: string, task: string, chunkBytes = CHUNK_BYTES) {
  const key = await partKey(jobKey, task);
  const capacity = chunkBytes / 8;
  let head: Float64Array | null = null;
  let current = new Float64Array(capacity);
  let filled = 0;
  let stored = 0;
  let chunks = 0;
  const finishChunk = async () => {
    const values = current.subarray(0, filled);
    if (chunks === 0) head = values;
    else await kv.put(`${key}:${chunks}`, values, { expirationTtl: TTL_SECONDS });
    chunks++;
    stored += filled;
    current = new Float64Array(capacity);
    filled = 0;
  };
  return {
    async write(values: Float64Array): Promise<void> {
      for (let at = 0; at < values.length; ) {
        const take = Math.min(capacity - filled, values.length - at);
        current.set(values.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === capacity) await finishChunk();
      }
    },
    async close(): Promise<void> {
      if (filled > 0 || chunks === 0) await finishChunk();
      const first = head!;
      await putHead(kv, key, new Uint8Array(first.buffer, first.byteOffset, first.byteLength), { lengths: [stored], chunks, chunkBytes });
    },
  };
}

/** One part's metadata, and its values in storage order a chunk at a time (all slices' values, one after another). */
async function openPart(kv: KVNamespace, jobKey: string, task: string): Promise<{ metadata: PartMetadata; chunks: AsyncGenerator<Float64Array> }> {
  const key = await partKey(jobKey, task);
  const first = await kv.getWithMetadata<PartMetadata>(key, "arrayBuffer");
  if (first.value === null || first.metadata === null) throw new Error(`the partial Gram of task ${task} is missing from KV`);
  const { metadata } = first;
  const head = first.value;
  async function* chunks(): AsyncGenerator<Float64Array> {
    yield new Float64Array(head);
    for (let c = 1; c < metadata.chunks; c++) {
      const chunk = await kv.get(`${key}:${c}`, "arrayBuffer");
      if (chunk === null) throw new Error(`chunk ${c} of the partial Gram of task ${task} is missing from KV`);
      yield new Float64Array(chunk);
    }
  }
  return { metadata, chunks: chunks() };
}

/** One part's values in storage order, a chunk at a time, so a reader need not hold the part. */
export async function* gramPartChunks(kv: KVNamespace, jobKey: string, task: string): AsyncGenerator<Float64Array> {
  yield* (await openPart(kv, jobKey, task)).chunks;
}

/** One part's arrays, as stored. */
export async function getGramPart(kv: KVNamespace, jobKey: string, task: string): Promise<Float64Array[]> {
  const { metadata, chunks } = await openPart(kv, jobKey, task);
  const all = new Float64Array(metadata.lengths.reduce((sum, n) => sum + n, 0));
  let at = 0;
  for await (const chunk of chunks) {
    if (at + chunk.length > all.length) throw new Error(`the partial Gram of task ${task} holds more values than its metadata says`);
    all.set(chunk, at);
    at += chunk.length;
  }
  const slices: Float64Array[] = [];
  let offset = 0;
  for (const n of metadata.lengths) {
    slices.push(all.subarray(offset, offset + n));
    offset += n;
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
