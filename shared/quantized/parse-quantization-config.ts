/** What heavytail needs of config.json's `quantization_config` (docs/metrics.md §9); a field the file lacks or mistypes is null. */
export interface QuantizationConfig {
  /** `quant_method`, lower case: "gptq", "awq", "fp8", "mxfp4", "bitsandbytes", "compressed-tensors", … */
  method: string;
  /** `bits` (GPTQ) or `w_bit` (AutoAWQ's own key) */
  bits: number | null;
  /** `group_size` (or AutoAWQ's `q_group_size`); −1 means one group over all inputs */
  groupSize: number | null;
  /** GPTQ's `checkpoint_format` ("gptq": zeros stored minus 1; "gptq_v2": as they are), or the older `is_marlin_format` as "marlin" */
  checkpointFormat: string | null;
  /** AWQ's `version` ("gemm", "gemv", …) */
  version: string | null;
  /** FP8's `weight_block_size` [rows, cols] */
  weightBlockSize: [number, number] | null;
  /** bitsandbytes: "nf4"/"fp4" when 4-bit, "int8" when 8-bit */
  bitsandbytes: string | null;
}

const positiveOrMinusOne = (v: unknown): number | null => (Number.isSafeInteger(v) && ((v as number) > 0 || v === -1) ? (v as number) : null);
const text = (v: unknown): string | null => (typeof v === "string" ? v.toLowerCase() : null);

/** The quantization config of a parsed config.json, or null when it has none (an unquantized model). */
export function parseQuantizationConfig(config: unknown): QuantizationConfig | null {
  if (typeof config !== "object" || config === null || Array.isArray(config)) return null;
  const q = (config as Record<string, unknown>).quantization_config;
  if (typeof q !== "object" || q === null || Array.isArray(q)) return null;
  const c = q as Record<string, unknown>;
  const method = text(c.quant_method);
  if (method === null) return null;
  const block = c.weight_block_size;
  const weightBlockSize =
    Array.isArray(block) && block.length === 2 && block.every((d) => Number.isSafeInteger(d) && d > 0) ? ([block[0], block[1]] as [number, number]) : null;
  const bnb = c.load_in_4bit === true ? (text(c.bnb_4bit_quant_type) ?? "nf4") : c.load_in_8bit === true ? "int8" : null;
  return {
    method,
    bits: positiveOrMinusOne(c.bits ?? c.w_bit),
    groupSize: positiveOrMinusOne(c.group_size ?? c.q_group_size),
    checkpointFormat: text(c.checkpoint_format) ?? (c.is_marlin_format === true ? "marlin" : null),
    version: text(c.version),
    weightBlockSize,
    bitsandbytes: bnb,
  };
}
