/**
 * Settled KV answers kept in the isolate, least recently used first out, bounded in entries and
 * bytes. Reports are immutable and pointers change rarely, so a page or badge asked for 200 times
 * a second costs KV a read per key now and then instead of one per request. Only values are
 * shared between requests, never promises or I/O objects, as Workers require.
 */
export class MemoryCache<V> {
  private entries = new Map<string, { value: V; bytes: number; expires: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The value under `key` when read within its time to live; else `read()`'s, kept for `ttlMs` (Infinity for immutable values). */
  async get(key: string, ttlMs: number, read: () => Promise<V>, sizeOf: (value: V) => number = () => 64): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = await read();
    this.put(key, value, sizeOf(value), now + ttlMs);
    return value;
  }

  private put(key: string, value: V, bytes: number, expires: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { value, bytes, expires });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
