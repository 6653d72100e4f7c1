import { open } from "node:fs/promises";
import type { ServerResponse } from "node:http";

export interface BodyShaping {
  /** close the connection after this many bytes of body */
  dropAfterBytes?: number;
  /** pace the body at this rate */
  bytesPerSecond?: number;
}

const CHUNK = 256 * 1024;
// a paced body goes out in about 20 pieces per second
const PACE_SLICES_PER_SECOND = 20;

// resolves once the chunk is handed to the socket: true, or false when the connection closed first
function writeAndFlush(res: ServerResponse, chunk: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => resolve(false);
    res.once("close", onClose);
    res.write(chunk, (error) => {
      res.off("close", onClose);
      resolve(error == null);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Writes bytes `start..end` (inclusive) of a file, or of `bytes` when given, after the headers were
 * sent; reads in chunks so a large file is never held whole. With `dropAfterBytes` the socket is
 * closed once that many bytes went out, which the client sees as a connection cut mid-body.
 */
export async function sendFileBody(
  res: ServerResponse,
  source: { absPath: string } | { bytes: Uint8Array },
  start: number,
  end: number,
  shaping: BodyShaping = {},
): Promise<void> {
  const total = end - start + 1;
  const limit = Math.min(total, shaping.dropAfterBytes ?? Infinity);
  const handle = "absPath" in source ? await open(source.absPath, "r") : undefined;
  try {
    const began = Date.now();
    let sent = 0;
    while (sent < limit && !res.destroyed) {
      let n = Math.min(CHUNK, limit - sent);
      if (shaping.bytesPerSecond !== undefined) n = Math.min(n, Math.max(1, Math.floor(shaping.bytesPerSecond / PACE_SLICES_PER_SECOND)));
      let chunk: Uint8Array;
      if (handle !== undefined) {
        chunk = Buffer.alloc(n);
        const { bytesRead } = await handle.read(chunk, 0, n, start + sent);
        if (bytesRead < n) throw new Error(`file shrank while being served (${bytesRead} of ${n} bytes at ${start + sent})`);
      } else {
        chunk = (source as { bytes: Uint8Array }).bytes.subarray(start + sent, start + sent + n);
      }
      if (!(await writeAndFlush(res, chunk))) return;
      sent += n;
      if (shaping.bytesPerSecond !== undefined && sent < limit) {
        const due = began + (sent / shaping.bytesPerSecond) * 1000;
        await sleep(Math.max(0, due - Date.now()));
      }
    }
    if (res.destroyed) return;
    if (sent < total) {
      // let the written bytes reach the client, then cut the connection mid-body
      await writeAndFlush(res, new Uint8Array(0));
      res.socket?.destroy();
      return;
    }
    res.end();
  } finally {
    await handle?.close();
  }
}
