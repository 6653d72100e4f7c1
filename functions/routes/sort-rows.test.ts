import { expect, it } from "vitest";
import type { ReportRow } from "../kv/report-row.ts";
import { sortRows } from "./sort-rows.ts";

const row = (id: string, log_alpha_norm: number | null, parameters = 1): ReportRow =>
  ({ id, key: `${id}@x`, sha: "x", family: null, parameters, created_at: "", latest: true, summary: { log_alpha_norm } }) as unknown as ReportRow;

it("orders by one column either way, nulls last, ties by id", () => {
  const rows = [row("c", 2), row("a", null), row("b", 1), row("d", 1)];
  expect(sortRows(rows, "log_alpha_norm", "asc").map((r) => r.id)).toEqual(["b", "d", "c", "a"]);
  expect(sortRows(rows, "log_alpha_norm", "desc").map((r) => r.id)).toEqual(["c", "b", "d", "a"]);
  expect(sortRows([row("x", 0, 5), row("y", 0, 9)], "parameters", "desc").map((r) => r.id)).toEqual(["y", "x"]);
});
