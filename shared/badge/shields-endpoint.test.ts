import { expect, it } from "vitest";
import { shieldsEndpoint } from "./shields-endpoint.ts";

it("has the fields shields.io's endpoint badge reads", () => {
  expect(shieldsEndpoint({ label: "heavytail α", message: "3.42 well-trained", color: "brightgreen" }, 300)).toEqual({
    schemaVersion: 1,
    label: "heavytail α",
    message: "3.42 well-trained",
    color: "brightgreen",
    cacheSeconds: 300,
  });
});
