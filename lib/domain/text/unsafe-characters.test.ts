import { describe, expect, it } from "vitest";
import { findUnsafeCharacter, splitsSurrogatePair, stripBidiControls, type TextKind } from "./unsafe-characters";

describe("findUnsafeCharacter", () => {
  it.each<[string, string, TextKind, string | undefined]>([
    ["plain text is fine everywhere", "Harbor barrier fails", "line", undefined],
    ["Arabic and Hebrew letters are not controls", "مرحبا שלום", "line", undefined],
    ["NUL refused in a line", "Title\u0000", "line", "a NUL character (U+0000)"],
    ["NUL refused in prose", "A comment\u0000", "prose", "a NUL character (U+0000)"],
    ["NUL refused in a body", "Article\u0000text", "body", "a NUL character (U+0000)"],
    ["right-to-left override refused in a line", "report\u202etxt.exe", "line", "a right-to-left override (U+202E)"],
    ["right-to-left override refused in prose", "see\u202eevil", "prose", "a right-to-left override (U+202E)"],
    ["isolate refused in a line", "\u2067name\u2069", "line", "a right-to-left isolate (U+2067)"],
    ["right-to-left mark refused in a line", "name\u200f", "line", "a right-to-left mark (U+200F)"],
    ["Arabic letter mark refused in a line", "name\u061c", "line", "an Arabic letter mark (U+061C)"],
    ["marks and isolates kept in prose (mixed-direction sentences)", "He said \u2067مرحبا\u2069 twice\u200f.", "prose", undefined],
    ["bidi controls are the normalizer's business in a body", "\u202eevil\u202c \u200fمرحبا", "body", undefined],
    ["NUL named before a bidi control", "\u202e\u0000", "line", "a NUL character (U+0000)"],
  ])("%s", (_name, text, kind, expected) => {
    expect(findUnsafeCharacter(text, kind)).toBe(expected);
  });
});

describe("stripBidiControls", () => {
  it("removes every bidirectional control and nothing else", () => {
    expect(stripBidiControls("\u202ea\u202a\u202b\u202c\u202d\u2066b\u2067\u2068\u2069c\u200e\u200f\u061cd \u200c\u200d")).toBe("abcd \u200c\u200d");
  });
});

describe("splitsSurrogatePair", () => {
  const text = "a👩b"; // "👩" is two UTF-16 code units, at offsets 1 and 2
  it.each([
    [0, false],
    [1, false],
    [2, true],
    [3, false],
    [4, false],
    [-1, false],
    [99, false],
  ])("offset %i", (offset, expected) => {
    expect(splitsSurrogatePair(text, offset)).toBe(expected);
  });

  it("a lone high surrogate at the end is no pair to split", () => {
    expect(splitsSurrogatePair("a\ud83d", 1)).toBe(false);
  });
});
