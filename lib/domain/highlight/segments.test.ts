import { describe, expect, it } from "vitest";
import { segmentText } from "./segments";

const text = "The gate failed to close during the surge.";

describe("segmentText", () => {
  it("returns the whole text as one plain run without ranges", () => {
    expect(segmentText(text, [])).toEqual([{ start: 0, end: text.length, text, keys: [] }]);
  });

  it("splits around one range and keeps every character", () => {
    const segments = segmentText(text, [{ start: 4, end: 8, key: "a" }]);
    expect(segments.map((s) => [s.text, s.keys])).toEqual([
      ["The ", []],
      ["gate", ["a"]],
      [" failed to close during the surge.", []],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("lists both keys where ranges overlap, outermost first", () => {
    const segments = segmentText(text, [
      { start: 9, end: 24, key: "inner" },
      { start: 4, end: 30, key: "outer" },
    ]);
    expect(segments.filter((s) => s.keys.length === 2).map((s) => s.text)).toEqual(["failed to close"]);
    expect(segments.find((s) => s.keys.length === 2)?.keys).toEqual(["outer", "inner"]);
  });

  it("handles partial overlap, touching ranges and clipping", () => {
    const segments = segmentText("abcdef", [
      { start: 0, end: 3, key: "x" },
      { start: 2, end: 5, key: "y" },
      { start: 5, end: 99, key: "z" },
      { start: 4, end: 4, key: "empty" },
    ]);
    expect(segments.map((s) => [s.text, s.keys.join("+")])).toEqual([
      ["ab", "x"],
      ["c", "x+y"],
      ["de", "y"],
      ["f", "z"],
    ]);
  });
});
