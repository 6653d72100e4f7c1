import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export interface FileHashes {
  /** sha256 of the content: the LFS oid, and the ETag the Hub gives large files */
  sha256: string;
  /** git blob id of the content: sha1("blob <size>\0" + content), the ETag of small files */
  gitBlobOid: string;
}

/** Hashes a file in one streaming pass (never holding it whole). */
export async function hashFile(absPath: string, size: number): Promise<FileHashes> {
  const sha256 = createHash("sha256");
  const sha1 = createHash("sha1");
  sha1.update(`blob ${size}\0`);
  for await (const chunk of createReadStream(absPath, { highWaterMark: 1 << 20 })) {
    sha256.update(chunk as Buffer);
    sha1.update(chunk as Buffer);
  }
  return { sha256: sha256.digest("hex"), gitBlobOid: sha1.digest("hex") };
}

/** git blob id of bytes held in memory (an LFS pointer, a folder listing). */
export function gitBlobOid(bytes: string | Uint8Array): string {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  return createHash("sha1").update(`blob ${buffer.length}\0`).update(buffer).digest("hex");
}
