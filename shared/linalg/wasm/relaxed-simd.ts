/**
 * Which build of the kernels a runtime gets. `npm run build:wasm` writes two:
 * build/heavytail-linalg.wasm ("simd": f64x2 mul then add) and build/heavytail-linalg-relaxed.wasm
 * ("relaxed-simd": the Gram kernel's multiply-add is f64x2.relaxed_madd, an FMA where the hardware
 * has one). Their Grams are the same bit for bit (the products of float32 values are exact in
 * float64, so fusing them rounds nothing away; shared/linalg/wasm/assembly/gram.ts), so the choice
 * is one of speed only and is made once per process: worker threads instantiate the module the
 * main thread compiled, so every thread runs the same build.
 */
export type LinalgKernels = "simd" | "relaxed-simd";

/**
 * The smallest module that uses a relaxed-SIMD instruction: one function `() -> ()` whose body is
 * three v128.const zeros, f64x2.relaxed_madd (0xfd 0x107), drop. It validates exactly where the
 * runtime implements relaxed SIMD (Node 20 / V8 11.3 only with --experimental-wasm-relaxed-simd).
 */
const zeros = (): number[] => [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
const RELAXED_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: one type, () -> ()
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x3e, 0x01, 0x3c, 0x00, // code section: one body of 60 bytes, no locals
  ...zeros(), ...zeros(), ...zeros(),
  0xfd, 0x87, 0x02, // f64x2.relaxed_madd
  0x1a, 0x0b, // drop, end
]);

/** WebAssembly.validate, which shared/'s minimal platform declarations (web-standard-globals.d.ts) leave out */
const validate = (bytes: Uint8Array): boolean => (WebAssembly as unknown as { validate(bytes: Uint8Array): boolean }).validate(bytes);

/** whether this runtime validates relaxed-SIMD code (false, not an exception, where WebAssembly.validate is refused) */
export function hasRelaxedSimd(): boolean {
  try {
    return validate(RELAXED_PROBE);
  } catch {
    return false;
  }
}

/** the probe's bytes, for the test that checks it is a well-formed module apart from the relaxed instruction */
export const relaxedSimdProbe = (): Uint8Array<ArrayBuffer> => RELAXED_PROBE.slice();
