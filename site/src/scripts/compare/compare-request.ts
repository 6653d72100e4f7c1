import { parseModelId } from "#shared/hub";

export type CompareRequest = { kind: "none" } | { kind: "pair"; a: string; b: string } | { kind: "invalid"; message: string };

/**
 * The two models a live compare page is asked for (`?a=org/x&b=org/y`; a huggingface.co URL
 * works too, as in the analyse box): Hub ids only, since both reports come from the service.
 */
export function compareRequest(params: URLSearchParams): CompareRequest {
  const [a, b] = [params.get("a")?.trim() ?? "", params.get("b")?.trim() ?? ""];
  if (a === "" && b === "") return { kind: "none" };
  if (a === "" || b === "") return { kind: "invalid", message: "Name two models to compare, a and b." };
  try {
    const [x, y] = [parseModelId(a).id, parseModelId(b).id];
    if (x.toLowerCase() === y.toLowerCase()) return { kind: "invalid", message: "a and b are the same model: pick another to compare with." };
    return { kind: "pair", a: x, b: y };
  } catch (error) {
    return { kind: "invalid", message: (error as Error).message };
  }
}
