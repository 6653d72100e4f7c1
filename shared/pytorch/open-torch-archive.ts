import type { ByteSource } from "../safetensors/types.ts";
import { findZipDirectory } from "./find-zip-directory.ts";
import { readZipEntries, type ZipEntry } from "./read-zip-entries.ts";
import { zipEntryRange } from "./zip-entry-range.ts";
import { PytorchError } from "./pytorch-error.ts";

/** A torch ≥ 1.6 checkpoint's ZIP archive: `<prefix>/data.pkl`, storages at `<prefix>/data/<key>`. */
export interface TorchArchive {
  /** the archive's folder name (`archive` when saved to a buffer, the file's stem when saved to a path) */
  prefix: string;
  entries: Map<string, ZipEntry>;
  /** where the central directory starts: every entry's data lies before it */
  directoryOffset: number;
}

/** The largest data.pkl read: a state dict's pickle holds names and shapes only (tens of kB per thousand tensors). */
export const MAX_PICKLE_BYTES = 32 << 20;

/** Reads the archive's directory and checks it is a little-endian torch checkpoint; reads data.pkl's bytes. */
export async function openTorchArchive(source: ByteSource, file: string): Promise<{ archive: TorchArchive; pickle: Uint8Array }> {
  const directory = await findZipDirectory(source, file);
  const list = await readZipEntries(source, file, directory);
  const entries = new Map(list.map((e) => [e.name, e]));
  const pickles = list.filter((e) => /^[^/]+\/data\.pkl$/.test(e.name));
  if (pickles.length !== 1) {
    throw new PytorchError("not_a_checkpoint", file, pickles.length === 0 ? "is a ZIP archive without <name>/data.pkl: not a torch checkpoint" : "holds several data.pkl files");
  }
  const prefix = pickles[0].name.slice(0, -"/data.pkl".length);
  const archive = { prefix, entries, directoryOffset: directory.offset };
  const byteorder = entries.get(`${prefix}/byteorder`);
  if (byteorder) {
    const range = await zipEntryRange(source, file, byteorder, directory.offset);
    const order = new TextDecoder().decode(await source.read(range.begin, Math.min(range.end - range.begin, 16))).trim();
    if (order === "big") throw new PytorchError("big_endian", file, "was saved big-endian (byteorder 'big'), which heavytail does not read");
    if (order !== "little") throw new PytorchError("not_a_checkpoint", file, `has byteorder ${JSON.stringify(order)}`);
  }
  if (pickles[0].size > MAX_PICKLE_BYTES) throw new PytorchError("pickle_too_large", file, `data.pkl has ${pickles[0].size} bytes, more than the ${MAX_PICKLE_BYTES} allowed`);
  const range = await zipEntryRange(source, file, pickles[0], directory.offset);
  return { archive, pickle: await source.read(range.begin, range.end - range.begin) };
}
