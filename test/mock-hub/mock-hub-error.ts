/** A request or a setting the mock Hub refuses; `status` is the HTTP answer it becomes. */
export class MockHubError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = "MockHubError";
    this.code = code;
    this.status = status;
  }
}
