// The Hugging Face Hub: model ids and URLs, revisions, byte ranges fetched with retries, and its errors.
export { backoffDelay } from "./backoff-delay.ts";
export { checkRevision } from "./check-revision.ts";
export { familyFromConfig } from "./family-from-config.ts";
export { httpByteSource } from "./http-byte-source.ts";
export { HubError } from "./hub-error.ts";
export { hubAuthHeaders, hubFileUrl } from "./hub-file-url.ts";
export { ModelIdError } from "./model-id-error.ts";
export { ModelLookupError, type ModelLookupErrorCode } from "./model-lookup-error.ts";
export { parseModelId } from "./parse-model-id.ts";
export { parseModelPagePath } from "./parse-model-page-path.ts";
export { type ResolvedModel, resolveModelRevision } from "./resolve-model-revision.ts";
