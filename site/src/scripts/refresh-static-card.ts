import { cardDescription, cardTitle } from "../card/card-meta.ts";
import { refreshedCardContext, type CardContext } from "../card/card-context.ts";
import { mountCard } from "../card/mount-card.ts";
import { renderReportCard } from "../card/report-card.ts";
import { formatDate } from "../lib/format-date.ts";
import { fetchNewerReport } from "./fetch-newer-report.ts";
import { showCardMeta } from "./show-card-meta.ts";

/**
 * A static model card asks the service whether the model has a newer report than the build had,
 * and if so renders that one in its place, with the same renderer, saying so. Pinned revision
 * pages and local reports never change. Without a service nothing happens.
 */
export async function refreshStaticCard(root: HTMLElement): Promise<void> {
  const { modelId, sha, createdAt, source } = root.dataset;
  let ctx: CardContext;
  try {
    ctx = JSON.parse(root.dataset.cardContext ?? "") as CardContext;
  } catch {
    return;
  }
  if (ctx.pinned || ctx.embedded || source !== "hub" || !modelId || !sha || !createdAt) return;
  const fresh = await fetchNewerReport(ctx.api, { id: modelId, sha, created_at: createdAt });
  if (!fresh) return;
  const notice = `Updated since this page was built: the service has a newer analysis (commit ${fresh.model.sha?.slice(0, 12)}, ${formatDate(fresh.created_at)}); the page was built with the one of ${formatDate(createdAt)}.`;
  const holder = document.createElement("template");
  holder.innerHTML = renderReportCard(fresh, refreshedCardContext(ctx, fresh, notice));
  const card = holder.content.firstElementChild as HTMLElement;
  root.replaceWith(card);
  mountCard(card);
  showCardMeta(cardTitle(fresh, false), cardDescription(fresh));
}
