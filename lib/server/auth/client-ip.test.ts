import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it.each([
    ["first forwarded address", { "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, "203.0.113.7"],
    ["x-real-ip when nothing is forwarded", { "x-real-ip": "198.51.100.2" }, "198.51.100.2"],
    ["unknown without headers", {}, "unknown"],
  ])("%s", (_name, headers, expected) => {
    expect(clientIp(headers)).toBe(expected);
    expect(clientIp(new Headers(headers))).toBe(expected);
  });
});
