import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, createSelectors } from "./selectors";

const TEXT =
  "Officials in the coastal town announced on Monday that the old lighthouse would reopen " +
  "to visitors next spring, after three years of repairs paid for by a local foundation.";

describe("createSelectors", () => {
  it("stores the quote, at least 32 characters of context on each side, and the position", () => {
    const start = TEXT.indexOf("old lighthouse");
    const end = start + "old lighthouse".length;
    const { quote, position } = createSelectors(TEXT, start, end);
    expect(position).toEqual({ type: "TextPositionSelector", start, end });
    expect(quote.type).toBe("TextQuoteSelector");
    expect(quote.exact).toBe("old lighthouse");
    expect(quote.prefix.length).toBeGreaterThanOrEqual(CONTEXT_LENGTH);
    expect(quote.suffix.length).toBeGreaterThanOrEqual(CONTEXT_LENGTH);
    expect(TEXT.slice(start - quote.prefix.length, end + quote.suffix.length)).toBe(quote.prefix + quote.exact + quote.suffix);
  });

  it("extends the context to word boundaries", () => {
    const start = TEXT.indexOf("old lighthouse");
    const { quote } = createSelectors(TEXT, start, start + 3);
    // 32 characters back would cut "town"; the prefix starts at that word instead.
    expect(quote.prefix).toBe("town announced on Monday that the ");
    expect(quote.suffix).toBe(" lighthouse would reopen to visitors");
  });

  it.each([
    ["at the start of the text", 0, 9, "", true],
    ["at the end of the text", TEXT.length - 11, TEXT.length, true, ""],
  ] as const)("keeps a shorter context %s", (_name, start, end, prefix, suffix) => {
    const { quote } = createSelectors(TEXT, start, end);
    if (prefix === "") expect(quote.prefix).toBe("");
    if (suffix === "") expect(quote.suffix).toBe("");
  });

  it("does not cut a surrogate pair at the edge of the context", () => {
    // No spaces, so no word boundary to extend to; 32 code units from the quote fall on
    // the low half of an emoji on both sides.
    const emoji = "\u{1F30A}".repeat(40);
    const text = `${emoji}wav${emoji}`;
    const start = text.indexOf("a");
    const { quote } = createSelectors(text, start, start + 1);
    expect(quote.prefix).toBe(emoji.slice(-CONTEXT_LENGTH) + "w");
    expect(quote.suffix).toBe("v" + emoji.slice(0, CONTEXT_LENGTH));
    expect(quote.prefix.codePointAt(0)).toBe(0x1f30a);
  });

  it.each([
    ["start equals end", 5, 5],
    ["start after end", 6, 5],
    ["negative start", -1, 5],
    ["end past the text", 0, TEXT.length + 1],
    ["fractional offsets", 1.5, 4],
    ["NaN", Number.NaN, 4],
  ])("rejects an invalid range with a RangeError: %s", (_name, start, end) => {
    expect(() => createSelectors(TEXT, start, end)).toThrow(RangeError);
    expect(() => createSelectors(TEXT, start, end)).toThrow(/start|integers/);
  });

  it("rejects any range on an empty text", () => {
    expect(() => createSelectors("", 0, 0)).toThrow(RangeError);
  });
});
