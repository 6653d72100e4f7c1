import { type LocalFile, pickedFiles } from "./local-file.ts";

/** Every file under a dropped entry, with its path from the drop (a folder's name first). */
async function filesUnder(entry: FileSystemEntry): Promise<LocalFile[]> {
  const path = entry.fullPath.replace(/^\//, "");
  if (entry.isFile) return [{ file: await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)), path }];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (Chromium's hold 100) until an empty one
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(filesUnder))).flat();
}

/**
 * What a drop holds, folders walked to their files: a dropped folder's `files` are one empty
 * placeholder each, its files only reachable as entries. The entries must be taken while the drop
 * event runs (the transfer is emptied after), so this reads them at once and the files after.
 * A transfer without entries (one a script made) gives its `files` as they are.
 */
export function droppedFiles(transfer: DataTransfer): Promise<LocalFile[]> {
  const entries = [...transfer.items].filter((item) => item.kind === "file").map((item) => item.webkitGetAsEntry());
  if (entries.length === 0 || entries.some((entry) => entry === null)) return Promise.resolve(pickedFiles(transfer.files));
  return Promise.all((entries as FileSystemEntry[]).map(filesUnder)).then((lists) => lists.flat());
}
