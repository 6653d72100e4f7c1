/**
 * A model's family for leaderboards: config.json's `model_type`, else its first architecture; for
 * a diffusers pipeline the pipeline class, whether read from model_index.json (`_class_name`) or
 * from the Hub's model info (`diffusers._class_name`).
 */
export function familyFromConfig(config: unknown): string | null {
  if (typeof config !== "object" || config === null) return null;
  const { model_type, architectures, _class_name, diffusers } = config as { model_type?: unknown; architectures?: unknown; _class_name?: unknown; diffusers?: unknown };
  // a family is a label, not a document: a hostile config cannot make it long
  const label = (value: unknown) => (typeof value === "string" && value.length > 0 ? value.slice(0, 64) : null);
  return (
    label(model_type) ??
    (Array.isArray(architectures) ? label(architectures[0]) : null) ??
    label(_class_name) ??
    (typeof diffusers === "object" && diffusers !== null ? label((diffusers as { _class_name?: unknown })._class_name) : null)
  );
}
