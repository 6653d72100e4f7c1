// The worker thread's entry when the CLI runs from its TypeScript sources (npm run cli, the tests):
// a worker does not inherit its parent's tsx loader, so it registers tsx before loading the worker.
import { register } from "tsx/esm/api";

register();
await import("./layer-worker.ts");
