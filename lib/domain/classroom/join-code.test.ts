import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/domain/seeded-random";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("has no look-alike characters or vowels in its alphabet", () => {
    for (const char of "01OIL" + "AEIOU") expect(JOIN_CODE_ALPHABET).not.toContain(char);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("generates codes of the alphabet that read back as themselves", () => {
    const random = seededRandom(7);
    const codes = Array.from({ length: 200 }, () => generateJoinCode((n) => Math.floor(random() * n)));
    for (const code of codes) {
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(normalizeJoinCode(code)).toBe(code);
      expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    ["as shown", "BCDF-2345", "BCDF2345"],
    ["lower case", "bcdf2345", "BCDF2345"],
    ["spaces", " bcdf 2345 ", "BCDF2345"],
    ["too short", "BCDF-234", null],
    ["too long", "BCDF-23456", null],
    ["look-alike zero", "BCDF-2340", null],
    ["letter O", "BCDF-234O", null],
    ["punctuation", "BCDF.2345", null],
    ["empty", "", null],
  ])("normalizes %s", (_name, input, expected) => {
    expect(normalizeJoinCode(input)).toBe(expected);
  });

  it("formats as two groups of four", () => {
    expect(formatJoinCode("BCDF2345")).toBe("BCDF-2345");
  });
});
