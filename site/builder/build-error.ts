/** Why a site build could not go on; `code` says which step, `status` the HTTP answer where one came. */
export class SiteBuildError extends Error {
  constructor(
    readonly code: "BUILD_ARGS" | "READ_REPORTS" | "SERVICE_FETCH" | "ACCURACIES",
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "SiteBuildError";
  }
}
