import { baseComparisonSentence, readComparison } from "../card/base-comparison.ts";
import { idPath } from "../lib/id-path.ts";

const POLL_MS = 10_000;
// a delta analysis of a large pair takes a while; a page left open stops asking after an hour
const MAX_POLLS = 360;

/**
 * Fills a card's comparison slot (baseComparisonSlot) from `GET /api/comparisons/{id}@{sha}`, asking
 * again while the comparison is pending. Without a service, or for a model never compared, the slot
 * stays hidden: the card is whole without it.
 */
export async function showBaseComparison(root: ParentNode, fetchImpl: typeof fetch = fetch): Promise<void> {
  for (const slot of root.querySelectorAll<HTMLElement>("[data-base-comparison]")) {
    const { api = "", model, sha } = slot.dataset;
    if (!model || !sha) continue;
    const url = `${api}/api/comparisons/${idPath(model)}@${encodeURIComponent(sha)}`;
    for (let poll = 0; poll < MAX_POLLS && slot.isConnected; poll++) {
      const comparison = await fetchImpl(url, { headers: { accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .then(readComparison, () => null);
      if (comparison === null) break;
      slot.innerHTML = baseComparisonSentence(comparison, api).markup;
      slot.dataset.state = comparison.state;
      slot.hidden = false;
      if (comparison.state !== "pending") break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
