/**
 * A file a person chose or dropped, with its path from what they chose: `tiny-sd/unet/model.safetensors`
 * for a file of a chosen or dropped folder `tiny-sd`, the file's own name for a loose file. A File
 * read from a dropped folder has no webkitRelativePath, so the path travels beside it.
 */
export interface LocalFile {
  file: File;
  path: string;
}

/** The files of a file picker (a folder's carry webkitRelativePath), with their paths. */
export function pickedFiles(files: Iterable<File>): LocalFile[] {
  return [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}
