import type { ByteSource } from "../safetensors/types.ts";
import { GgufError } from "./gguf-error.ts";

/**
 * Reads a file front to back through bounded range reads: `fill(n)` makes the next n bytes
 * available (reading a window of at least `windowBytes` when they are not), refusing anything past
 * the end of the file or past `limit`; the sync readers then consume them. Every length is checked
 * against what the file still holds before a byte is allocated for it.
 */
export class ByteCursor {
  position = 0;
  private buffer: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(new ArrayBuffer(0));
  private bufferStart = 0;

  constructor(
    private readonly source: ByteSource,
    readonly file: string,
    readonly size: number,
    readonly limit: number,
    private readonly windowBytes = 1 << 20,
  ) {}

  /** Bytes left in the file after the current position. */
  remaining(): number {
    return this.size - this.position;
  }

  /** True when the next n bytes are already buffered. */
  has(n: number): boolean {
    const at = this.position - this.bufferStart;
    return at >= 0 && at + n <= this.buffer.byteLength;
  }

  /** Makes the next n bytes available; `what` names them in the error when the file cannot hold them. */
  async fill(n: number, what: string): Promise<void> {
    if (this.has(n)) return;
    if (!Number.isSafeInteger(n) || n < 0 || n > this.size - this.position) {
      throw new GgufError("truncated", this.file, `${what} needs ${n} bytes at byte ${this.position}, but the file ends ${this.size - this.position} bytes later`);
    }
    if (this.position + n > this.limit) {
      throw new GgufError("header_too_large", this.file, `${what} at byte ${this.position} lies beyond the ${this.limit}-byte limit on a GGUF header`);
    }
    const length = Math.min(Math.max(n, this.windowBytes), this.size - this.position, Math.max(n, this.limit - this.position));
    this.buffer = await this.source.read(this.position, length);
    if (this.buffer.byteLength < n) throw new GgufError("truncated", this.file, `the source delivered ${this.buffer.byteLength} of ${n} bytes at byte ${this.position}`);
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    this.bufferStart = this.position;
  }

  private take(n: number): number {
    if (!this.has(n)) throw new Error(`internal: ${n} bytes at ${this.position} were not filled`);
    const at = this.position - this.bufferStart;
    this.position += n;
    return at;
  }

  u8(): number {
    return this.view.getUint8(this.take(1));
  }
  i8(): number {
    return this.view.getInt8(this.take(1));
  }
  u16(): number {
    return this.view.getUint16(this.take(2), true);
  }
  i16(): number {
    return this.view.getInt16(this.take(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }
  i32(): number {
    return this.view.getInt32(this.take(4), true);
  }
  f32(): number {
    return this.view.getFloat32(this.take(4), true);
  }
  f64(): number {
    return this.view.getFloat64(this.take(8), true);
  }
  u64(): bigint {
    return this.view.getBigUint64(this.take(8), true);
  }
  i64(): bigint {
    return this.view.getBigInt64(this.take(8), true);
  }
  /** The next n buffered bytes (a view: copy before the next fill if they must outlive it). */
  bytes(n: number): Uint8Array {
    const at = this.take(n);
    return this.buffer.subarray(at, at + n);
  }
  /** Moves past n bytes without reading them (they must lie inside the file). */
  skip(n: number, what: string): void {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.size - this.position) {
      throw new GgufError("truncated", this.file, `${what} needs ${n} bytes at byte ${this.position}, but the file ends ${this.size - this.position} bytes later`);
    }
    if (this.position + n > this.limit) {
      throw new GgufError("header_too_large", this.file, `${what} at byte ${this.position} lies beyond the ${this.limit}-byte limit on a GGUF header`);
    }
    this.position += n;
  }
}
