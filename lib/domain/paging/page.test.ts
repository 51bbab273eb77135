import { describe, expect, it } from "vitest";
import { pageNumber, pageOf } from "./page";

const items = Array.from({ length: 120 }, (_, i) => i);

describe("pageOf", () => {
  it.each([
    ["the first page", 1, { first: 0, count: 50, page: 1, pages: 3, from: 1 }],
    ["a middle page", 2, { first: 50, count: 50, page: 2, pages: 3, from: 51 }],
    ["the last, short page", 3, { first: 100, count: 20, page: 3, pages: 3, from: 101 }],
    ["past the end: the last page", 9, { first: 100, count: 20, page: 3, pages: 3, from: 101 }],
    ["before the start: the first page", 0, { first: 0, count: 50, page: 1, pages: 3, from: 1 }],
  ])("%s", (_name, page, expected) => {
    const shown = pageOf(items, page, 50);
    expect({ first: shown.items[0], count: shown.items.length, page: shown.page, pages: shown.pages, from: shown.from }).toEqual(expected);
    expect(shown.total).toBe(120);
  });

  it("an empty list has one empty page", () => {
    expect(pageOf([], 4, 50)).toEqual({ items: [], page: 1, pages: 1, total: 0, from: 0 });
  });
});

describe("pageNumber", () => {
  it.each([
    ["2", 2],
    ["1", 1],
    ["0", 1],
    ["-3", 1],
    ["2.5", 1],
    ["abc", 1],
    [undefined, 1],
    [["2", "3"], 1],
    ["99999999999", 1],
  ])("%j → %i", (value, expected) => {
    expect(pageNumber(value)).toBe(expected);
  });
});
