import { HubError } from "./hub-error.ts";

const ACCESS = "the repository is gated or private: it needs a token with access (HF_TOKEN), and gated models need their terms accepted";

/** The HubError for a final (not retried) error answer, using the Hub's `X-Error-Code` / `X-Error-Message` where present. */
export function hubStatusError(response: Response, url: string): HubError {
  const { status } = response;
  const hubCode = response.headers.get("x-error-code");
  const hubMessage = (response.headers.get("x-error-message") ?? "").slice(0, 200);
  const said = hubMessage ? ` (${hubMessage})` : "";
  if (status === 401) return new HubError("unauthorized", 401, url, `401 Unauthorized: ${ACCESS}${said}`);
  if (status === 403) return new HubError("forbidden", 403, url, `403 Forbidden: ${ACCESS}${said}`);
  if (status === 404) {
    if (hubCode === "EntryNotFound") return new HubError("entry_not_found", 404, url, `404: no such file in the repository at this revision${said}`);
    if (hubCode === "RevisionNotFound") return new HubError("revision_not_found", 404, url, `404: no such revision${said}`);
    if (hubCode === "RepoNotFound") return new HubError("repo_not_found", 404, url, `404: no such repository (or it is private and needs a token with access)${said}`);
    return new HubError("not_found", 404, url, `404 Not Found${said}`);
  }
  return new HubError("http_error", status, url, `unexpected HTTP ${status}${said}`);
}
