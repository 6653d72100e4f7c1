import { describe, expect, it } from "vitest";
import { createFaultBook } from "./create-fault-book.ts";

describe("createFaultBook", () => {
  it("uses up counted faults, rate limits before server errors", () => {
    const book = createFaultBook();
    book.set("o/r", { rate429: { count: 1, retryAfter: 3 }, error5xx: { count: 1, status: 503 }, dropAfterBytes: { count: 1, bytes: 10 } });
    expect(book.takeRequestFault("o/r")).toEqual({ status: 429, fault: "rate429", headers: { "Retry-After": "3" } });
    expect(book.takeRequestFault("o/r")).toEqual({ status: 503, fault: "error5xx", headers: {} });
    expect(book.takeRequestFault("o/r")).toBeUndefined();
    expect(book.takeDrop("o/r")).toBe(10);
    expect(book.takeDrop("o/r")).toBeUndefined();
    expect(book.takeRequestFault("other/repo")).toBeUndefined();
  });

  it("seeds a repo's faults once, and a clear is not undone by seeding", () => {
    const book = createFaultBook();
    book.seed("o/r", { error5xx: { count: 1 } });
    book.seed("o/r", { error5xx: { count: 5 } });
    expect(book.of("o/r")).toEqual({ error5xx: { count: 1 } });
    book.clear();
    book.seed("o/r", { error5xx: { count: 1 } });
    expect(book.all()).toEqual({});
  });

  it("keeps its own copy of what it is given", () => {
    const book = createFaultBook();
    const faults = { rate429: { count: 1, retryAfter: 0 } };
    book.set("o/r", faults);
    book.takeRequestFault("o/r");
    expect(faults.rate429.count).toBe(1);
  });
});
