/** A URL fit for messages and logs: scheme, host and path only; credentials, query (signatures) and fragment dropped. */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
