import type { AdapterInfo } from "../report/schema.ts";
import { ADAPTER_CONFIG } from "./choose-weight-files.ts";
import { HeavytailError } from "../errors/heavytail-error.ts";

const MAX_TEXT = 1000;
const MAX_MODULES = 200;

export class AdapterConfigError extends HeavytailError {
  declare readonly code: "invalid_adapter_config";
  constructor(detail: string) {
    super("invalid_adapter_config", 422, `${ADAPTER_CONFIG}: ${detail}`);
    this.name = "AdapterConfigError";
  }
}

const text = (v: unknown): string | null => (typeof v === "string" ? v.slice(0, MAX_TEXT) : null);
const count = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The fields of a PEFT adapter_config.json the report records. The file is someone else's
 * (a Hub repo's), so a field that is missing or of another type is null rather than an error,
 * and long strings and lists are cut; only text that is not a JSON object is refused.
 */
export function parseAdapterConfig(json: string): AdapterInfo {
  let config: unknown;
  try {
    config = JSON.parse(json);
  } catch (error) {
    throw new AdapterConfigError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof config !== "object" || config === null || Array.isArray(config)) throw new AdapterConfigError("not a JSON object");
  const c = config as Record<string, unknown>;
  const modules = c.target_modules;
  const target_modules = Array.isArray(modules)
    ? modules.filter((m): m is string => typeof m === "string").slice(0, MAX_MODULES).map((m) => m.slice(0, MAX_TEXT))
    : text(modules);
  const r = count(c.r);
  return {
    peft_type: text(c.peft_type),
    r: r !== null && Number.isInteger(r) ? r : null,
    lora_alpha: count(c.lora_alpha),
    target_modules,
    base_model_name_or_path: text(c.base_model_name_or_path),
  };
}
