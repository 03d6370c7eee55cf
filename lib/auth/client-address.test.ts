import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, clientAddress, compileTrustedProxies, normalizeAddress } from "./client-address";

const headers = (peer: string | null, forwardedFor?: string) =>
  new Headers({ ...(peer !== null ? { [PEER_ADDRESS_HEADER]: peer } : {}), ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

describe("clientAddress", () => {
  const none = compileTrustedProxies([]);
  const proxies = compileTrustedProxies(["10.0.0.0/8", "::1"]);

  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("192.0.2.10", "203.0.113.1"), none)).toBe("192.0.2.10");
    expect(clientAddress(headers("10.0.0.2", "203.0.113.1"), none)).toBe("10.0.0.2");
  });

  it("behind a trusted proxy, is the right-most hop that is not a trusted proxy", () => {
    // The client wrote 1.1.1.1 itself; the outer proxy saw 203.0.113.5; 10.0.0.4 is an inner trusted proxy.
    expect(clientAddress(headers("10.0.0.5", "1.1.1.1, 203.0.113.5, 10.0.0.4"), proxies)).toBe("203.0.113.5");
    expect(clientAddress(headers("::1", "198.51.100.23"), proxies)).toBe("198.51.100.23");
  });

  it("ignores X-Forwarded-For sent by a peer that is not a trusted proxy", () => {
    expect(clientAddress(headers("192.0.2.10", "10.0.0.9, 203.0.113.5"), proxies)).toBe("192.0.2.10");
  });

  it("is the trusted proxy itself when it forwards no hop, or one that is no address", () => {
    expect(clientAddress(headers("10.0.0.5"), proxies)).toBe("10.0.0.5");
    expect(clientAddress(headers("10.0.0.5", "not-an-ip"), proxies)).toBe("10.0.0.5");
  });

  it("spells IPv4-mapped IPv6 as IPv4 (the socket's form on a dual-stack listener)", () => {
    expect(clientAddress(headers("::ffff:192.0.2.10"), none)).toBe("192.0.2.10");
    expect(clientAddress(headers("::ffff:10.0.0.5", "203.0.113.5"), proxies)).toBe("203.0.113.5");
  });

  it("is null without the peer header (a request that did not come through Ratchet's server)", () => {
    expect(clientAddress(headers(null, "203.0.113.1"), none)).toBeNull();
    expect(clientAddress(headers("garbage", "203.0.113.1"), none)).toBeNull();
  });

  it("normalizes addresses and refuses non-addresses", () => {
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normalizeAddress("example.com")).toBeNull();
  });
});
