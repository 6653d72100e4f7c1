import { open } from "node:fs/promises";

/**
 * The last `lines` lines of a text file, read from at most its last `maxBytes`: a service's log can
 * grow past what one string holds (V8's limit is about 512 MiB) when a process spins on an error.
 * A file that cannot be read gives "".
 */
export async function readFileTail(path: string, lines: number, maxBytes = 256 * 1024): Promise<string> {
  const file = await open(path).catch(() => undefined);
  if (!file) return "";
  try {
    const { size } = await file.stat();
    const length = Math.min(size, maxBytes);
    const { buffer, bytesRead } = await file.read(Buffer.alloc(length), 0, length, size - length);
    const text = buffer.subarray(0, bytesRead).toString("utf8");
    // a cut through the first line leaves a part of it: drop that part unless the whole file was read
    const whole = length === size ? text.split("\n") : text.split("\n").slice(1);
    return whole.slice(-lines).join("\n");
  } finally {
    await file.close();
  }
}
