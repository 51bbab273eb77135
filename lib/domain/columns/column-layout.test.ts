import { describe, expect, it } from "vitest";
import { arrangeColumns, DEFAULT_LAYOUT, moveColumn, toLayout, type ArrangedColumn } from "./column-layout";

const open = (id: string): ArrangedColumn => ({ id, hidden: false, collapsed: false });

describe("arrangeColumns", () => {
  it.each([
    { name: "no saved layout keeps the sources' order, all shown", ids: ["a", "b", "c"], layout: DEFAULT_LAYOUT, order: ["a", "b", "c"] },
    { name: "the saved order wins", ids: ["a", "b", "c"], layout: { order: ["c", "a", "b"], hidden: [], collapsed: [] }, order: ["c", "a", "b"] },
    { name: "a source added after saving comes last", ids: ["a", "b", "d"], layout: { order: ["b", "a"], hidden: [], collapsed: [] }, order: ["b", "a", "d"] },
    { name: "a deleted source is dropped", ids: ["a", "c"], layout: { order: ["c", "gone", "a"], hidden: ["gone"], collapsed: [] }, order: ["c", "a"] },
    { name: "a repeated id counts once", ids: ["a", "b"], layout: { order: ["b", "b", "a"], hidden: [], collapsed: [] }, order: ["b", "a"] },
  ])("$name", ({ ids, layout, order }) => {
    expect(arrangeColumns(ids, layout).map((c) => c.id)).toEqual(order);
  });

  it("marks hidden and collapsed columns; a new source is shown and open", () => {
    expect(arrangeColumns(["a", "b", "c"], { order: ["a", "b"], hidden: ["a"], collapsed: ["b"] })).toEqual([
      { id: "a", hidden: true, collapsed: false },
      { id: "b", hidden: false, collapsed: true },
      open("c"),
    ]);
  });

  it("round-trips through toLayout", () => {
    const columns = [{ id: "b", hidden: true, collapsed: false }, open("a"), { id: "c", hidden: false, collapsed: true }];
    expect(arrangeColumns(["a", "b", "c"], toLayout(columns))).toEqual(columns);
  });
});

describe("moveColumn", () => {
  const columns = ["a", "b", "c"].map(open);
  it.each([
    { name: "one place left", id: "b", by: -1, order: ["b", "a", "c"] },
    { name: "one place right", id: "b", by: 1, order: ["a", "c", "b"] },
    { name: "past the left end stays first", id: "a", by: -1, order: ["a", "b", "c"] },
    { name: "past the right end stays last", id: "c", by: 5, order: ["a", "b", "c"] },
    { name: "an unknown id changes nothing", id: "x", by: 1, order: ["a", "b", "c"] },
  ])("$name", ({ id, by, order }) => {
    expect(moveColumn(columns, id, by).map((c) => c.id)).toEqual(order);
  });
});
