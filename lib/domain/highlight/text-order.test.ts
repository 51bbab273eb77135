import { describe, expect, it } from "vitest";
import { compareTextOrder, placeInTextOrder, type OrderedSpan } from "./text-order";

const span = (id: string, start: number, end: number): OrderedSpan => ({ id, start, end });
const ids = (list: OrderedSpan[]) => list.map((s) => s.id).join(",");

describe("compareTextOrder", () => {
  it.each([
    ["earlier start first", span("b", 1, 5), span("a", 2, 3), -1],
    ["same start: the longer span first", span("b", 1, 9), span("a", 1, 5), -1],
    ["same span: by id", span("a", 1, 5), span("b", 1, 5), -1],
    ["the same span and id", span("a", 1, 5), span("a", 1, 5), 0],
  ])("%s", (_name, a, b, sign) => {
    expect(Math.sign(compareTextOrder(a, b))).toBe(sign);
    expect(Math.sign(compareTextOrder(b, a))).toBe(-sign || 0);
  });
});

describe("placeInTextOrder", () => {
  const list = [span("a", 0, 4), span("b", 5, 9), span("c", 10, 12)];
  it.each([
    ["inserts at the start", "x", span("x", 0, 9), "x,a,b,c"],
    ["inserts in the middle", "x", span("x", 6, 7), "a,b,x,c"],
    ["inserts at the end", "x", span("x", 20, 21), "a,b,c,x"],
    ["moves an edited span", "a", span("a", 11, 11), "b,c,a"],
    ["replaces in place", "b", span("b", 5, 9), "a,b,c"],
    ["removes when given nothing", "b", null, "a,c"],
    ["removing an absent id changes nothing", "zz", null, "a,b,c"],
  ])("%s", (_name, id, item, expected) => {
    expect(ids(placeInTextOrder(list, id, item))).toBe(expected);
  });

  it("into an empty list", () => expect(ids(placeInTextOrder([], "x", span("x", 1, 2)))).toBe("x"));
});
