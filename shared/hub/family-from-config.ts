/** A model's family for leaderboards: config.json's `model_type`, else its first architecture. */
export function familyFromConfig(config: unknown): string | null {
  if (typeof config !== "object" || config === null) return null;
  const { model_type, architectures } = config as { model_type?: unknown; architectures?: unknown };
  // a family is a label, not a document: a hostile config cannot make it long
  if (typeof model_type === "string" && model_type.length > 0) return model_type.slice(0, 64);
  if (Array.isArray(architectures) && typeof architectures[0] === "string" && architectures[0].length > 0) return architectures[0].slice(0, 64);
  return null;
}
