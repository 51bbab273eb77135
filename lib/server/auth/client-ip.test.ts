import { describe, expect, it } from "vitest";
import { clientIpFrom, PEER_ADDRESS_HEADER } from "./client-ip";
import { parseTrustedProxies } from "./trusted-proxies";

const NONE = parseTrustedProxies(undefined);
const LOCAL = parseTrustedProxies("127.0.0.1, ::1");
const PRIVATE = parseTrustedProxies("10.0.0.0/8 fd00::/8");

describe("clientIpFrom", () => {
  it.each([
    ["the peer, with no proxy trusted", NONE, { [PEER_ADDRESS_HEADER]: "203.0.113.7" }, "203.0.113.7"],
    ["the peer, ignoring a forwarded address a client made up", NONE, { [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" }, "203.0.113.7"],
    ["the peer, when it is not a trusted proxy", LOCAL, { [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" }, "203.0.113.7"],
    ["the address a trusted proxy forwarded", LOCAL, { [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.1" }, "198.51.100.1"],
    ["the last untrusted hop, not what the client prepended", LOCAL, { [PEER_ADDRESS_HEADER]: "::1", "x-forwarded-for": "6.6.6.6, 198.51.100.1" }, "198.51.100.1"],
    ["through a chain of trusted proxies", PRIVATE, { [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.1.2.3" }, "198.51.100.9"],
    ["an IPv4 peer on a dual-stack socket", LOCAL, { [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1", "x-forwarded-for": "198.51.100.1" }, "198.51.100.1"],
    ["the proxy itself when it forwards nothing", LOCAL, { [PEER_ADDRESS_HEADER]: "127.0.0.1" }, "127.0.0.1"],
    ["unknown without the peer header", LOCAL, { "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" }, "unknown"],
    ["unknown without headers", NONE, {}, "unknown"],
  ])("%s", (_name, trusted, headers, expected) => {
    expect(clientIpFrom(headers, trusted)).toBe(expected);
    expect(clientIpFrom(new Headers(headers), trusted)).toBe(expected);
  });
});

describe("parseTrustedProxies", () => {
  it.each([
    ["nothing", undefined, []],
    ["an empty value", " ", []],
    ["addresses and ranges, by commas or spaces", "127.0.0.1, ::1 10.0.0.0/8,fd00::/8", ["127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"]],
  ])("reads %s", (_name, value, expected) => {
    expect(parseTrustedProxies(value)).toEqual(expected);
  });

  it.each([["a host name", "proxy.local"], ["a prefix too long", "10.0.0.0/33"], ["a bad prefix", "::1/x"], ["two slashes", "10.0.0.0/8/8"], ["a hop count", "2"]])(
    "refuses %s",
    (_name, value) => {
      expect(() => parseTrustedProxies(value)).toThrow(/PARALLAX_TRUSTED_PROXIES: .* is not an IP address or CIDR range/);
    },
  );
});
