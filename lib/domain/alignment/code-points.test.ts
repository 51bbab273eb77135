import { describe, expect, it } from "vitest";
import { codePointOffsets } from "./code-points";

describe("codePointOffsets", () => {
  it.each([
    ["plain ASCII", "abc", [0, 1, 2, 3], [0, 1, 2, 3]],
    ["BMP accents count one each", "é—ü", [0, 1, 2, 3], [0, 1, 2, 3]],
    ["an emoji is two UTF-16 units, one code point", "a😀b", [0, 1, 3, 4], [0, 1, 2, 3]],
    ["two flags (four code points, eight units)", "🇮🇷🇮🇶.", [0, 2, 4, 8, 9], [0, 1, 2, 4, 5]],
  ])("%s", (_name, text, utf16, expected) => {
    const toCp = codePointOffsets(text);
    expect(utf16.map(toCp)).toEqual(expected);
  });

  it("matches counting with the string iterator at every boundary", () => {
    const text = "x🙂 y 𝔸z";
    const toCp = codePointOffsets(text);
    for (let i = 0; i <= text.length; i++) {
      const boundary = i === 0 || i === text.length || !(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff);
      if (boundary) expect(toCp(i)).toBe([...text.slice(0, i)].length);
    }
  });
});
