import { escapeXml as e } from "../../shared/badge/escape-xml.ts";
import type { ApiError } from "../http/api-error.ts";
import { htmlPage } from "./html-page.ts";

/** A page saying why a model page could not be shown, with the error's status. */
export function renderErrorPage(error: ApiError): Response {
  const response = htmlPage("Cannot show this model", `<h1>Cannot show this model</h1><p>${e(error.message)}</p><p class="muted">${e(error.code)}</p>`, error.status);
  if (error.retryAfter !== undefined) response.headers.set("retry-after", String(Math.ceil(error.retryAfter)));
  return response;
}
