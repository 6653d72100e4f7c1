import { isHubId } from "./first-base.ts";

/**
 * Whether a text is a Hub id with its owner (`org/name`). A bare name is left out: where a source
 * may also have written a folder or a display name (an adapter's base_model_name_or_path, a card's
 * base_model), only an owner makes the text unmistakably a Hub repo worth linking.
 */
export function isOrgHubId(text: string): boolean {
  return text.includes("/") && isHubId(text);
}
