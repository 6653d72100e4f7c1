import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.ts";

describe("redactUrl", () => {
  it("drops credentials, query and fragment", () => {
    expect(redactUrl("https://user:pw@cas-bridge.xethub.hf.co/x/y?X-Amz-Signature=abc&X-Amz-Expires=3600#f")).toBe("https://cas-bridge.xethub.hf.co/x/y");
    expect(redactUrl("http://127.0.0.1:8080/org/m/resolve/main/model.safetensors")).toBe("http://127.0.0.1:8080/org/m/resolve/main/model.safetensors");
    expect(redactUrl("not a url")).toBe("(invalid URL)");
  });
});
