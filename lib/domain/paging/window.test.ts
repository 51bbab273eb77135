import { describe, expect, it } from "vitest";
import { listWindow, pagesCovering, rowOffset, type WindowInput } from "./window";

const base: WindowInput = { count: 1000, heightOf: () => undefined, estimate: 100, scrollTop: 0, viewport: 500, overscan: 2 };

describe("listWindow", () => {
  it.each<[string, Partial<WindowInput>, { first: number; end: number; before: number; after: number }]>([
    ["top of the list: the rows that show and the overscan below", {}, { first: 0, end: 7, before: 0, after: 993 * 100 }],
    ["scrolled into the middle", { scrollTop: 10_000 }, { first: 98, end: 107, before: 9800, after: 893 * 100 }],
    ["a row partly scrolled out still shows", { scrollTop: 10_050 }, { first: 98, end: 108, before: 9800, after: 892 * 100 }],
    ["bottom of the list", { scrollTop: 99_500 }, { first: 993, end: 1000, before: 99_300, after: 0 }],
    ["scrolled past the end (a list that shrank)", { scrollTop: 500_000 }, { first: 998, end: 1000, before: 99_800, after: 0 }],
    ["an empty list", { count: 0 }, { first: 0, end: 0, before: 0, after: 0 }],
    ["fewer rows than fit", { count: 3 }, { first: 0, end: 3, before: 0, after: 0 }],
    ["no overscan", { overscan: 0, scrollTop: 200 }, { first: 2, end: 7, before: 200, after: 993 * 100 }],
    ["a box of no height still renders a row", { viewport: 0, overscan: 0, scrollTop: 300 }, { first: 3, end: 4, before: 300, after: 996 * 100 }],
  ])("%s", (_name, input, expected) => {
    expect(listWindow({ ...base, ...input })).toEqual(expected);
  });

  it("uses measured heights where it has them", () => {
    // Rows 0-9 measured at 40px: 400px of them, then estimates of 100.
    const heightOf = (i: number) => (i < 10 ? 40 : undefined);
    expect(listWindow({ ...base, heightOf, scrollTop: 380, viewport: 200, overscan: 0 })).toEqual({ first: 9, end: 12, before: 360, after: 988 * 100 });
  });
});

describe("rowOffset", () => {
  it.each([
    [0, 0],
    [1, 40],
    [12, 10 * 40 + 2 * 100],
  ])("row %i starts at %i", (index, top) => {
    expect(rowOffset(index, (i) => (i < 10 ? 40 : undefined), 100)).toBe(top);
  });
});

describe("pagesCovering", () => {
  it.each([
    ["inside one page", 3, 10, [0]],
    ["across a page boundary", 45, 55, [0, 1]],
    ["exactly one page", 50, 100, [1]],
    ["several pages", 0, 151, [0, 1, 2, 3]],
    ["nothing to show", 7, 7, []],
  ])("%s", (_name, first, end, pages) => {
    expect(pagesCovering(first, end, 50)).toEqual(pages);
  });
});
