/** Where a GGUF file sits in a split model (gguf-split's `<prefix>-00001-of-00003.gguf`): shard number from 1, and the count. */
export interface GgufSplitName {
  prefix: string;
  shard: number;
  count: number;
}

const SPLIT = /^(.+)-(\d{5})-of-(\d{5})\.gguf$/;

/** The split parts of a GGUF file name, or null for a file that is not a shard. */
export function ggufSplitName(name: string): GgufSplitName | null {
  const match = SPLIT.exec(name);
  if (!match) return null;
  const shard = Number(match[2]);
  const count = Number(match[3]);
  return shard >= 1 && shard <= count ? { prefix: match[1], shard, count } : null;
}
