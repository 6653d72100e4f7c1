import type { AdapterInfo } from "#shared/report";
import { ApiError } from "../http/api-error.ts";
import { parseBaseRef, type BaseRef } from "./parse-base-ref.ts";

export type { BaseRef };

/**
 * The base an adapter's config names (`base_model_name_or_path`), as the CLI's `--peft with_base`
 * takes it when no base is given; the service reads only the Hub, so a local path or anything
 * else that is not a Hub id is refused, asking for the request's `base`.
 */
export function adapterBaseRef(adapter: AdapterInfo | undefined, id: string): BaseRef {
  const named = adapter?.base_model_name_or_path?.trim();
  if (!named) throw new ApiError(422, "invalid_base", `${id}'s adapter_config.json names no base (base_model_name_or_path); give one as "base"`);
  try {
    return parseBaseRef(named);
  } catch {
    throw new ApiError(422, "invalid_base", `${id}'s adapter_config.json names the base ${JSON.stringify(named.slice(0, 200))}, which is not a Hub model id; give one as "base"`);
  }
}
