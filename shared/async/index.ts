// Bounded concurrency for async work (the header reads of a sharded model).
export { HEADER_CONCURRENCY, mapBounded } from "./map-bounded.ts";
