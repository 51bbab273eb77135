import { describe, expect, it } from "vitest";
import { codePointIndex } from "./code-points";

describe("codePointIndex", () => {
  it.each([
    ["plain text", "abc", [0, 1, 2, 3], [0, 1, 2, 3]],
    ["an emoji first", "🌊ab", [0, 1, 2, 3, 4], [0, 1, 1, 2, 3]],
    ["two emoji around a letter", "😀x😀", [0, 2, 3, 5], [0, 1, 2, 3]],
    ["a flag (two code points)", "🇮🇷!", [0, 2, 4, 5], [0, 1, 2, 3]],
    ["an accent that is one code unit", "café", [0, 4], [0, 4]],
  ])("%s", (_name, text, utf16, codePoints) => {
    const index = codePointIndex(text);
    expect(utf16.map((u) => index.toCodePoint(u))).toEqual(codePoints);
    for (const [i, u] of utf16.entries()) {
      if (u === 0 || text.charCodeAt(u - 1) < 0xd800 || text.charCodeAt(u - 1) > 0xdbff) expect(index.toUtf16(codePoints[i]!)).toBe(u);
    }
  });

  it("round-trips every character boundary and agrees with Array.from", () => {
    const text = "a🌊b 🇮🇷 c😀";
    const index = codePointIndex(text);
    const chars = Array.from(text);
    let utf16 = 0;
    chars.forEach((char, cp) => {
      expect(index.toCodePoint(utf16)).toBe(cp);
      expect(index.toUtf16(cp)).toBe(utf16);
      utf16 += char.length;
    });
    expect(index.toCodePoint(text.length)).toBe(chars.length);
  });

  it("refuses offsets outside the text", () => {
    const index = codePointIndex("🌊");
    expect(() => index.toCodePoint(3)).toThrow(RangeError);
    expect(() => index.toUtf16(2)).toThrow(RangeError);
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
  });
});
