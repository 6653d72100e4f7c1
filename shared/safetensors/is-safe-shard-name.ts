const MAX_SHARD_NAME = 255;

/** A shard file name an index may point at: a plain `*.safetensors` name in the model folder, no path, no control characters. */
export function isSafeShardName(name: string): boolean {
  return (
    name.length <= MAX_SHARD_NAME &&
    name.endsWith(".safetensors") &&
    !name.startsWith(".") &&
    !/[/\\:\u0000-\u001f\u007f]/.test(name)
  );
}
