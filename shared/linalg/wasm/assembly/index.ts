// The module's exports. Memory is laid out by the caller (the TypeScript wrapper): it grows the
// exported memory to what a call needs and passes byte offsets at or above heapBase().
export { packedLength } from "./layout";
export { eigvalshWorkLength, eigvalshPacked, reductionKeepLength } from "./eigvalsh-packed";
export { applyReflectorsWorkLength, applyReflectors } from "./reflectors";
export { gramWorkLength, gramAccumulate } from "./gram";

/** first byte the caller may use: the module itself has no heap (stub runtime, no allocation) */
export function heapBase(): usize {
  return __heap_base;
}
