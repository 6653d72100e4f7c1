import type { AdapterInfo } from "../report/schema.ts";
import type { ByteSource } from "../safetensors/types.ts";
import { AdapterConfigError, parseAdapterConfig } from "./parse-adapter-config.ts";

/** adapter_config.json is a few hundred bytes; a larger one is not a PEFT config. */
const MAX_CONFIG_BYTES = 1 << 20;

/** A PEFT adapter's adapter_config.json, read whole from its source (a local file or a Hub URL). */
export async function readAdapterConfig(source: ByteSource): Promise<AdapterInfo> {
  const size = await source.size();
  if (size > MAX_CONFIG_BYTES) throw new AdapterConfigError(`${size} bytes, more than a PEFT config's ${MAX_CONFIG_BYTES}`);
  return parseAdapterConfig(new TextDecoder().decode(await source.read(0, size)));
}
