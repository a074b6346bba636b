// Which address an attempt counts against: the peer, unless the operator says how many
// proxies stand in front (TRUST_PROXY), and then only the entries those proxies appended.
import { describe, expect, it } from "vitest";
import { addressBucket, normalizeAddress, parseTrustProxy, resolveClientAddress, UNKNOWN_ADDRESS } from "@/lib/client-address";

describe("TRUST_PROXY", () => {
  it("is 0 when unset or empty and a whole number of proxies otherwise", () => {
    expect(parseTrustProxy(undefined)).toEqual({ ok: true, hops: 0 });
    expect(parseTrustProxy("")).toEqual({ ok: true, hops: 0 });
    expect(parseTrustProxy(" 2 ")).toEqual({ ok: true, hops: 2 });
  });

  it("refuses anything else with a message that says what to write", () => {
    for (const raw of ["true", "yes", "-1", "1.5", "1,2", "loopback", "100"]) {
      const setting = parseTrustProxy(raw);
      expect(setting.ok).toBe(false);
      if (!setting.ok) expect(setting.error).toContain("TRUST_PROXY must be the number of proxies");
    }
  });
});

describe("the client address", () => {
  it("with no trusted proxy is the peer; X-Forwarded-For is ignored", () => {
    expect(resolveClientAddress({ peer: "192.0.2.7", forwardedFor: "203.0.113.1", hops: 0 })).toBe("192.0.2.7");
    expect(resolveClientAddress({ peer: null, forwardedFor: "203.0.113.1", hops: 0 })).toBe(UNKNOWN_ADDRESS);
  });

  it("with one trusted proxy is the right-most entry, not the first one the client wrote", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.66, 203.0.113.5", hops: 1 })).toBe("203.0.113.5");
  });

  it("with two trusted proxies is the second entry from the right", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.66, 203.0.113.5, 10.0.0.1", hops: 2 })).toBe("203.0.113.5");
  });

  it("falls back to the peer when the list is shorter than the proxies, missing or not an address", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.5", hops: 2 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: null, hops: 1 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.5, nonsense", hops: 1 })).toBe("10.0.0.2");
  });
});

describe("addresses", () => {
  it("are normalized: IPv4-mapped IPv6 as IPv4, IPv6 lower case without a zone, anything else refused", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("1.2.3.4:80")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });

  it("count per IPv4 address and per IPv6 /64, however the IPv6 address is written", () => {
    expect(addressBucket("192.0.2.7")).toBe("192.0.2.7");
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("64:ff9b:1:2:3:4:1.2.3.4")).toBe("64:ff9b:1:2::/64");
  });
});
