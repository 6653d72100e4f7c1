import { open } from "node:fs/promises";

// the Hub gives up on headers this large too; it keeps a broken file from costing memory
const MAX_HEADER_BYTES = 100 * 1024 * 1024;

/**
 * Parameters per dtype in one safetensors file, read from its header alone (the Hub's
 * `safetensors.parameters`). null when the file is not valid safetensors: the Hub then omits the field.
 */
export async function countSafetensorsParameters(absPath: string, size: number): Promise<Record<string, number> | null> {
  if (size < 8) return null;
  const handle = await open(absPath, "r");
  try {
    const prefix = Buffer.alloc(8);
    await handle.read(prefix, 0, 8, 0);
    const headerLength = Number(prefix.readBigUInt64LE(0));
    if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) return null;
    const header = Buffer.alloc(headerLength);
    await handle.read(header, 0, headerLength, 8);
    let parsed: unknown;
    try {
      parsed = JSON.parse(header.toString("utf8"));
    } catch {
      return null;
    }
    if (typeof parsed !== "object" || parsed === null) return null;
    const counts: Record<string, number> = {};
    for (const [name, info] of Object.entries(parsed as Record<string, unknown>)) {
      if (name === "__metadata__") continue;
      const { dtype, shape } = (info ?? {}) as { dtype?: unknown; shape?: unknown };
      if (typeof dtype !== "string" || !Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return null;
      counts[dtype] = (counts[dtype] ?? 0) + (shape as number[]).reduce((a, b) => a * b, 1);
    }
    return counts;
  } finally {
    await handle.close();
  }
}
