import { describe, expect, it } from "vitest";
import { insideTokenMask, tokenize } from "./tokenize";

describe("tokenize", () => {
  it.each([
    { name: "words, spaces, punctuation", text: "Hi, you.", expected: ["Hi", ",", " ", "you", "."] },
    { name: "possessive and contraction stay whole", text: "Valdoria’s don't", expected: ["Valdoria’s", " ", "don't"] },
    { name: "quote marks are separate", text: "‘rebels’", expected: ["‘", "rebels", "’"] },
    { name: "hyphen splits", text: "al-Rahimi", expected: ["al", "-", "Rahimi"] },
    { name: "numbers keep separators", text: "1,000 and 3.5.", expected: ["1,000", " ", "and", " ", "3.5", "."] },
    { name: "combining accent stays with its letter", text: "e\u0301te\u0301 x", expected: ["e\u0301te\u0301", " ", "x"] },
    { name: "Arabic script", text: "قاسم سليماني", expected: ["قاسم", " ", "سليماني"] },
    { name: "whitespace run is one token", text: "a \n\n b", expected: ["a", " \n\n ", "b"] },
    { name: "astral character is one token", text: "a😀b", expected: ["a", "😀", "b"] },
    { name: "empty", text: "", expected: [] },
  ])("$name", ({ text, expected }) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(expected);
    expect(tokens.map((t) => t.text).join("")).toBe(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("insideTokenMask", () => {
  it("marks offsets strictly inside words and surrogate pairs only", () => {
    const text = "ab c😀";
    expect([...insideTokenMask(text)]).toEqual([0, 1, 0, 0, 0, 1, 0]);
  });
});
