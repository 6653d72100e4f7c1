import { describe, expect, it } from "vitest";
import { clientId } from "./client-id.ts";

const from = (ip?: string) => clientId(new Request("http://service/", { headers: ip === undefined ? {} : { "cf-connecting-ip": ip } }));

describe("clientId", () => {
  it("keys IPv4 clients by their address", () => {
    expect(from("203.0.113.7")).toBe("ip4:203.0.113.7");
    expect(from("203.0.113.8")).not.toBe(from("203.0.113.7"));
  });

  it("keys IPv6 clients by their /64, however the address is written", () => {
    expect(from("2001:db8:1:2::1")).toBe("ip6:2001:db8:1:2");
    expect(from("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(from("2001:0DB8:0001:0002::"));
    expect(from("[2001:db8:1:2::9]")).toBe("ip6:2001:db8:1:2");
    expect(from("2001:db8::1")).toBe("ip6:2001:db8:0:0");
    expect(from("::ffff:203.0.113.7")).toBe("ip4:203.0.113.7");
    expect(from("2001:db8:1:3::1")).not.toBe(from("2001:db8:1:2::1"));
  });

  it("shares one bucket when the platform names no client", () => {
    expect(from()).toBe("unknown-client");
    expect(from("")).toBe("unknown-client");
  });
});
