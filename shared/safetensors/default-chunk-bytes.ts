/** Stored bytes per chunk a tensor reader yields unless told otherwise. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;
