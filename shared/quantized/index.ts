// Quantized weights (GPTQ, AWQ, FP8 block, MXFP4): planning and dequantizing their rows.
export { quantizedReadBytes } from "./quantized-read-bytes.ts";
