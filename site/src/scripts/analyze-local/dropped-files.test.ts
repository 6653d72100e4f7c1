import { describe, expect, it } from "vitest";
import { droppedFiles } from "./dropped-files.ts";

// Node has no drag and drop: these entries are plain objects with the shape of the File and
// Directory Entries API that Chromium hands a drop of a folder.
type Tree = { [name: string]: string | Tree };

function entry(name: string, content: string | Tree, parent = ""): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof content === "string") {
    return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(new File([content], name)) } as unknown as FileSystemEntry;
  }
  const children = Object.entries(content).map(([child, value]) => entry(child, value, fullPath));
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader: () => {
      // two entries a batch, as Chromium answers (in hundreds) until an empty batch
      let next = 0;
      return { readEntries: (ok: (batch: FileSystemEntry[]) => void) => ok(children.slice(next, (next += 2))) };
    },
  } as unknown as FileSystemEntry;
}

const transfer = (entries: (FileSystemEntry | null)[], files: File[] = []) =>
  ({ items: entries.map((e) => ({ kind: "file", webkitGetAsEntry: () => e })), files }) as unknown as DataTransfer;

describe("droppedFiles", () => {
  it("walks a dropped folder to every file, each with its path from the folder's name, batches of entries read to the end", async () => {
    const folder = entry("tiny-sd", { "model_index.json": "{}", unet: { "config.json": "{}", "model.safetensors": "w" }, text_encoder: { "a.json": "", "b.json": "", "c.json": "" } });
    const files = await droppedFiles(transfer([folder]));
    expect(files.map((f) => f.path).sort()).toEqual([
      "tiny-sd/model_index.json",
      "tiny-sd/text_encoder/a.json",
      "tiny-sd/text_encoder/b.json",
      "tiny-sd/text_encoder/c.json",
      "tiny-sd/unet/config.json",
      "tiny-sd/unet/model.safetensors",
    ]);
    expect(await files.find((f) => f.path === "tiny-sd/unet/model.safetensors")!.file.text()).toBe("w");
  });

  it("gives loose dropped files their own names, and a transfer without entries its files as they are", async () => {
    expect((await droppedFiles(transfer([entry("a.gguf", "x"), entry("b.json", "y")]))).map((f) => f.path)).toEqual(["a.gguf", "b.json"]);
    const made = new File(["x"], "model.safetensors");
    expect(await droppedFiles(transfer([null], [made]))).toEqual([{ file: made, path: "model.safetensors" }]);
  });
});
