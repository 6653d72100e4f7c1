import type { BadgeContent } from "./badge-content.ts";

/** The JSON document of shields.io's endpoint badge (https://shields.io/badges/endpoint-badge). */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
  cacheSeconds: number;
}

/** A badge as a shields.io endpoint; shields escapes the text itself, so it stays as written. */
export function shieldsEndpoint(content: BadgeContent, cacheSeconds: number): ShieldsEndpoint {
  return { schemaVersion: 1, label: content.label, message: content.message, color: content.color, cacheSeconds };
}
