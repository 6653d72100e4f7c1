import { createApp } from "./app.ts";
import type { Env } from "./env.ts";

export { AnalysisJob } from "./job/analysis-job.ts";
export { LeaderboardIndex } from "./leaderboard/leaderboard-index.ts";
export { TriggerRateLimiter } from "./rate-limit/trigger-rate-limiter.ts";
export { RevisionLookup } from "./trigger/revision-lookup.ts";

/**
 * The web Worker (wrangler.toml): routes, badges and the site's assets, and the job, leaderboard
 * and rate-limit Durable Objects. Layers are computed by the tasks Worker (functions/tasks.ts), so no page or
 * badge ever waits behind a task's minutes of CPU in the same isolate.
 */
export default { fetch: createApp().fetch } satisfies ExportedHandler<Env>;
