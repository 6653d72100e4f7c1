/** What the compiled kernels (assembly/index.ts) export; pointers are byte offsets into `memory`. */
export interface LinalgExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  packedLength(n: number): number;
  eigvalshWorkLength(n: number, nb: number): number;
  /** keep: 0, or reductionKeepLength(n) doubles that receive the kept reduction */
  eigvalshPacked(n: number, a: number, w: number, work: number, nb: number, twoStageFrom: number, keep: number): number;
  reductionKeepLength(n: number): number;
  applyReflectorsWorkLength(n: number): number;
  applyReflectors(n: number, a: number, bw: number, tau: number, x: number, ldx: number, k: number, work: number): void;
  gramWorkLength(rows: number, cols: number, kc: number): number;
  gramAccumulate(
    m: number, g: number,
    x: number, xrs: number, xcs: number,
    y: number, yrs: number, ycs: number,
    k: number, r0: number, rows: number, c0: number, cols: number,
    pack: number, kc: number,
  ): void;
}
