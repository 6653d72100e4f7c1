const MAX_SHARD_NAME = 255;

/** A shard a `pytorch_model.bin.index.json` may point at: a plain `*.bin` name in the model folder, no path, no control characters. */
export function isSafeBinShardName(name: string): boolean {
  return name.length <= MAX_SHARD_NAME && name.endsWith(".bin") && !name.startsWith(".") && !/[/\\:\u0000-\u001f\u007f]/.test(name);
}
