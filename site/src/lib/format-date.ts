/** The calendar day (UTC) of an ISO timestamp, e.g. 2026-02-10; the input back when it is not a date. */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 10);
}
