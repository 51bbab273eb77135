import { describe, expect, it } from "vitest";
import { parseSmtpUrl } from "./smtp-url";

describe("parseSmtpUrl", () => {
  it.each<[string, string | undefined, string | undefined]>([
    ["unset", undefined, undefined],
    ["empty", "", undefined],
    ["smtp with credentials and port", "smtp://user:pass@mail.example.org:587", "smtp://user:pass@mail.example.org:587"],
    ["smtps", "smtps://mail.example.org", "smtps://mail.example.org"],
  ])("accepts %s", (_name, value, expected) => {
    expect(parseSmtpUrl(value)).toBe(expected);
  });

  it.each([["not a URL", "mail.example.org:587"], ["another scheme", "https://mail.example.org"], ["no host", "smtp://"]])("refuses %s with a clear message", (_name, value) => {
    expect(() => parseSmtpUrl(value)).toThrow(/PARALLAX_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
  });
});
