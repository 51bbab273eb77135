import { describe, expect, it } from "vitest";
import { arrowDirection, caretSelection, moveCaret, moveSpanEdge, snapSpanEdge, stepCaret, type CaretDirection, type CaretUnit } from "./caret-selection";

/** Writes a caret position into the text as "|", to make the tables readable. */
function at(text: string, offset: number) {
  return `${text.slice(0, offset)}|${text.slice(offset)}`;
}

describe("moveCaret", () => {
  it.each<{ name: string; text: string; from: number; direction: CaretDirection; unit: CaretUnit; to: string; language?: string }>([
    { name: "a letter forward", text: "gate four", from: 0, direction: "forward", unit: "character", to: "g|ate four" },
    { name: "a letter backward", text: "gate four", from: 4, direction: "backward", unit: "character", to: "gat|e four" },
    { name: "stays at the end", text: "gate", from: 4, direction: "forward", unit: "character", to: "gate|" },
    { name: "stays at the start", text: "gate", from: 0, direction: "backward", unit: "character", to: "|gate" },
    { name: "an emoji (surrogate pair) is one step forward", text: "a🌊b", from: 1, direction: "forward", unit: "character", to: "a🌊|b" },
    { name: "an emoji (surrogate pair) is one step backward", text: "a🌊b", from: 3, direction: "backward", unit: "character", to: "a|🌊b" },
    { name: "a flag (two astral characters) is one step", text: "x🇮🇪y", from: 1, direction: "forward", unit: "character", to: "x🇮🇪|y" },
    { name: "an astral CJK ideograph is one step", text: "𠀋字", from: 0, direction: "forward", unit: "character", to: "𠀋|字" },
    { name: "a letter with a combining accent is one step", text: "cafe\u0301s", from: 3, direction: "forward", unit: "character", to: "cafe\u0301|s" },
    { name: "a family emoji (joined sequence) is one step back", text: "a👨‍👩‍👧b", from: 9, direction: "backward", unit: "character", to: "a|👨‍👩‍👧b" },
    { name: "a word forward ends at the word's end", text: "the gate failed", from: 0, direction: "forward", unit: "word", to: "the| gate failed" },
    { name: "from a word's end, forward goes to the next word's end", text: "the gate failed", from: 3, direction: "forward", unit: "word", to: "the gate| failed" },
    { name: "from inside a word, forward ends that word", text: "the gate failed", from: 5, direction: "forward", unit: "word", to: "the gate| failed" },
    { name: "punctuation is stepped over", text: "gate, then wall", from: 4, direction: "forward", unit: "word", to: "gate, then| wall" },
    { name: "a word backward goes to the word's start", text: "the gate failed", from: 15, direction: "backward", unit: "word", to: "the gate |failed" },
    { name: "from a word's start, backward goes to the previous word's start", text: "the gate failed", from: 9, direction: "backward", unit: "word", to: "the |gate failed" },
    { name: "no word ahead: the end", text: "gate ...", from: 4, direction: "forward", unit: "word", to: "gate ...|" },
    { name: "no word behind: the start", text: "... gate", from: 3, direction: "backward", unit: "word", to: "|... gate" },
    { name: "an apostrophe stays inside a word", text: "don't go", from: 0, direction: "forward", unit: "word", to: "don't| go" },
    { name: "words across an emoji", text: "storm 🌊 surge", from: 5, direction: "forward", unit: "word", to: "storm 🌊 surge|" },
    { name: "Arabic words forward (logical order)", text: "قال القائد قاسم", from: 4, direction: "forward", unit: "word", to: "قال القائد| قاسم", language: "ar" },
    { name: "Hebrew words backward (logical order)", text: "שער ארבע נפל", from: 12, direction: "backward", unit: "word", to: "שער ארבע |נפל", language: "he" },
    { name: "Persian word with a zero-width non-joiner is one word", text: "روز سه‌شنبه آمد", from: 4, direction: "forward", unit: "word", to: "روز سه‌شنبه| آمد", language: "fa" },
    { name: "Chinese without spaces is cut into words", text: "防洪闸门失灵", from: 0, direction: "forward", unit: "word", to: "防洪|闸门失灵", language: "zh" },
  ])("$name", ({ text, from, direction, unit, to, language }) => {
    expect(at(text, moveCaret(text, from, direction, unit, language))).toBe(to);
  });

  it("finds a word longer than the window it looks at", () => {
    const long = "x".repeat(1000);
    const text = `a ${long} b`;
    expect(moveCaret(text, 1, "forward", "word")).toBe(2 + long.length);
    expect(moveCaret(text, 2 + long.length, "backward", "word")).toBe(2);
  });

  it("clamps an offset outside the text", () => {
    expect(moveCaret("gate", 99, "forward", "character")).toBe(4);
    expect(moveCaret("gate", -3, "backward", "word")).toBe(0);
  });
});

describe("arrowDirection", () => {
  it.each([
    { key: "ArrowRight", dir: "ltr", expected: "forward" },
    { key: "ArrowLeft", dir: "ltr", expected: "backward" },
    { key: "ArrowLeft", dir: "rtl", expected: "forward" },
    { key: "ArrowRight", dir: "rtl", expected: "backward" },
  ] as const)("$key in $dir text goes $expected", ({ key, dir, expected }) => {
    expect(arrowDirection(key, dir)).toBe(expected);
  });
});

describe("stepCaret", () => {
  const text = "the tidal gate failed";
  it.each<{ name: string; caret: { anchor: number; focus: number }; step: Parameters<typeof stepCaret>[2]; expected: { anchor: number; focus: number } }>([
    { name: "Shift+Right extends by a character", caret: { anchor: 4, focus: 4 }, step: { direction: "forward", unit: "character", extend: true }, expected: { anchor: 4, focus: 5 } },
    { name: "Ctrl+Shift+Right extends by a word", caret: { anchor: 4, focus: 4 }, step: { direction: "forward", unit: "word", extend: true }, expected: { anchor: 4, focus: 9 } },
    { name: "Ctrl+Shift+Right twice covers two words", caret: { anchor: 4, focus: 9 }, step: { direction: "forward", unit: "word", extend: true }, expected: { anchor: 4, focus: 14 } },
    { name: "Shift+Left shrinks a forward selection", caret: { anchor: 4, focus: 9 }, step: { direction: "backward", unit: "character", extend: true }, expected: { anchor: 4, focus: 8 } },
    { name: "extending backward past the anchor selects before it", caret: { anchor: 4, focus: 4 }, step: { direction: "backward", unit: "word", extend: true }, expected: { anchor: 4, focus: 0 } },
    { name: "a bare Right moves the caret", caret: { anchor: 4, focus: 4 }, step: { direction: "forward", unit: "character", extend: false }, expected: { anchor: 5, focus: 5 } },
    { name: "a bare Right out of a selection lands on its end", caret: { anchor: 9, focus: 4 }, step: { direction: "forward", unit: "character", extend: false }, expected: { anchor: 9, focus: 9 } },
    { name: "a bare Left out of a selection lands on its start", caret: { anchor: 4, focus: 9 }, step: { direction: "backward", unit: "character", extend: false }, expected: { anchor: 4, focus: 4 } },
    { name: "Ctrl+Right moves by a word and collapses", caret: { anchor: 0, focus: 4 }, step: { direction: "forward", unit: "word", extend: false }, expected: { anchor: 9, focus: 9 } },
  ])("$name", ({ caret, step, expected }) => {
    expect(stepCaret(text, caret, step)).toEqual(expected);
  });
});

describe("caretSelection", () => {
  it.each([
    { name: "a bare caret selects nothing", text: "gate", caret: { anchor: 2, focus: 2 }, expected: null },
    { name: "a forward selection", text: "the gate", caret: { anchor: 4, focus: 8 }, expected: { start: 4, end: 8 } },
    { name: "a backward selection is the same span", text: "the gate", caret: { anchor: 8, focus: 4 }, expected: { start: 4, end: 8 } },
    { name: "surrounding spaces are trimmed", text: "the gate failed", caret: { anchor: 3, focus: 9 }, expected: { start: 4, end: 8 } },
    { name: "white space alone selects nothing", text: "the  gate", caret: { anchor: 3, focus: 5 }, expected: null },
  ])("$name", ({ text, caret, expected }) => {
    expect(caretSelection(text, caret)).toEqual(expected);
  });
});

describe("snapSpanEdge", () => {
  const text = "the tidal gate failed again";
  it.each([
    { name: "the start inside a word goes to its start", offset: 6, edge: "start", expected: 4 },
    { name: "the end inside a word goes to its end", offset: 6, edge: "end", expected: 9 },
    { name: "the start at a word's start stays", offset: 10, edge: "start", expected: 10 },
    { name: "the end at a word's end stays", offset: 14, edge: "end", expected: 14 },
    { name: "an offset in the space between words stays", offset: 9, edge: "end", expected: 9 },
    { name: "the end in the last word goes to the text's end", offset: 24, edge: "end", expected: 27 },
    { name: "the start in the first word goes to the text's start", offset: 2, edge: "start", expected: 0 },
    { name: "an offset past the text is clamped", offset: 40, edge: "end", expected: 27 },
  ] as const)("$name", ({ offset, edge, expected }) => {
    expect(snapSpanEdge(text, offset, edge)).toBe(expected);
  });

  it("snaps to words of a text written without spaces", () => {
    const chinese = "防洪闸门昨天失灵了";
    const end = snapSpanEdge(chinese, 3, "end", "zh");
    const start = snapSpanEdge(chinese, 3, "start", "zh");
    expect(start).toBeLessThan(3);
    expect(end).toBeGreaterThan(3);
    expect(end).toBeLessThanOrEqual(chinese.length);
  });
});

describe("moveSpanEdge", () => {
  const text = "the tidal gate failed again";
  const span = { start: 4, end: 14 }; // "tidal gate"
  const show = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  it.each([
    { name: "[ moves the start back a word", edge: "start", direction: "backward", expected: "the tidal gate" },
    { name: "] moves the start forward a word", edge: "start", direction: "forward", expected: "gate" },
    { name: "} moves the end forward a word", edge: "end", direction: "forward", expected: "tidal gate failed" },
    { name: "{ moves the end back a word", edge: "end", direction: "backward", expected: "tidal" },
  ] as const)("$name", ({ edge, direction, expected }) => {
    expect(show(moveSpanEdge(text, span, edge, direction))).toBe(expected);
  });

  it("never makes the span empty", () => {
    const one = { start: 10, end: 14 }; // "gate"
    expect(moveSpanEdge(text, one, "start", "forward")).toEqual(one);
    expect(moveSpanEdge(text, one, "end", "backward")).toEqual(one);
  });

  it("stops at the text's edges", () => {
    expect(moveSpanEdge(text, { start: 0, end: 3 }, "start", "backward")).toEqual({ start: 0, end: 3 });
    expect(moveSpanEdge(text, { start: 22, end: 27 }, "end", "forward")).toEqual({ start: 22, end: 27 });
  });

  it("moves over right-to-left words by their logical order", () => {
    const hebrew = "שער ארבע נפל היום";
    const moved = moveSpanEdge(hebrew, { start: 4, end: 8 }, "end", "forward", "he");
    expect(hebrew.slice(moved.start, moved.end)).toBe("ארבע נפל");
  });
});
