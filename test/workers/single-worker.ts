import web from "../../functions/index.ts";
import tasks from "../../functions/tasks.ts";

export { AnalysisJob, LeaderboardIndex, RevisionLookup, TriggerRateLimiter } from "../../functions/index.ts";

/**
 * The Worker suites run the web and tasks Workers as one (vitest-pool-workers runs one Worker):
 * the same handlers, with the queue consumed by the Worker that fills it.
 */
export default { fetch: web.fetch, queue: tasks.queue };
