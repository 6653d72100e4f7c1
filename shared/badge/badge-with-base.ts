import { alphaVerdict } from "../format/alpha-verdict.ts";
import { formatMetric } from "../format/format-metric.ts";
import type { Num } from "../report/schema.ts";
import type { BadgeContent } from "./badge-content.ts";

/**
 * A model's badge with its base's α beside it ("3.10 well-trained (base 3.40)"), so a fine-tune's
 * README shows what fine-tuning did. The colour stays the model's own reading; the base's α is
 * its mean over successful fits, like the model's (`null`: no fit of the base succeeded), printed
 * with the same rule (shared/format).
 */
export function badgeWithBase(content: BadgeContent, base: { successfulFitAlpha: Num }): BadgeContent {
  const alpha = base.successfulFitAlpha;
  const said = alphaVerdict(alpha).verdict === "fit-failed" ? "base fit failed" : `base ${formatMetric(alpha, 2)}`;
  return { ...content, message: `${content.message} (${said})` };
}
