import { expect, it } from "vitest";
import { searchText } from "./search-text.ts";

it("searches without case and invisible marks", () => {
  expect(searchText("Zero\u200BWidth \u202ELLaMA")).toBe("zerowidth llama");
  expect(searchText("Ｌｌａｍａ")).toBe("llama");
});
