/**
 * Float32 staging arrays, one per (role, length), reused across blocks: gpu.js takes a flat array
 * of exactly the product's size, so a larger buffer's view would not do for every backend.
 */
export function stagingBuffers(): (role: string, length: number) => Float32Array {
  const buffers = new Map<string, Float32Array>();
  return (role, length) => {
    const key = `${role}:${length}`;
    let buffer = buffers.get(key);
    if (!buffer) {
      buffer = new Float32Array(length);
      buffers.set(key, buffer);
    }
    return buffer;
  };
}
