import { describe, expect, it } from "vitest";
import { buildProgressTable, nextUnfinishedSource } from "./progress";

const SOURCES = ["a", "b", "c", "d"];

describe("nextUnfinishedSource", () => {
  it.each([
    ["the next column when nothing is done", [], "a", "b"],
    ["skips done sources", ["b", "c"], "a", "d"],
    ["wraps round to the first column", ["d"], "c", "a"],
    ["wraps round past done sources", ["a", "d"], "c", "b"],
    ["moves on from a current source that is not done", ["b", "c", "d"], "a", null],
    ["none left when every other source is done", ["a", "b", "d"], "c", null],
    ["none left when all are done", SOURCES, "b", null],
    ["an unknown current source starts at the first column", ["a"], "zzz", "b"],
    ["an unknown current source may land on the first column", [], "zzz", "a"],
  ] as const)("%s", (_name, done, current, expected) => {
    expect(nextUnfinishedSource(SOURCES, new Set(done), current)).toBe(expected);
  });

  it("a comparison of one source has no next", () => {
    expect(nextUnfinishedSource(["a"], new Set(), "a")).toBeNull();
  });
});

describe("buildProgressTable", () => {
  const rita = { id: "u1", name: "Rita" };
  const sam = { id: "u2", name: "Sam" };
  const doneAt = new Date("2026-12-07T00:00:00Z");

  it("says done, started or not started per reviewer and source", () => {
    const rows = buildProgressTable({
      reviewers: [rita, sam],
      sourceIds: ["a", "b", "c"],
      marks: [{ userId: "u1", sourceId: "a", doneAt }],
      counts: [
        { authorId: "u1", sourceId: "a", count: 3 },
        { authorId: "u1", sourceId: "b", count: 1 },
        { authorId: "u2", sourceId: "c", count: 2 },
      ],
    });
    expect(rows.map((r) => [r.reviewer.name, r.done, r.cells.map((c) => `${c.state}:${c.annotations}`)])).toEqual([
      ["Rita", 1, ["done:3", "started:1", "not-started:0"]],
      ["Sam", 0, ["not-started:0", "not-started:0", "started:2"]],
    ]);
    expect(rows[0]!.cells[0]!.doneAt).toBe(doneAt);
  });

  it("a source marked done without annotations is done", () => {
    const [row] = buildProgressTable({ reviewers: [rita], sourceIds: ["a"], marks: [{ userId: "u1", sourceId: "a", doneAt }], counts: [] });
    expect(row!.cells[0]).toEqual({ sourceId: "a", state: "done", annotations: 0, doneAt });
  });

  it("ignores marks and counts of people and sources not listed, and adds split counts", () => {
    const [row] = buildProgressTable({
      reviewers: [rita],
      sourceIds: ["a"],
      marks: [{ userId: "u2", sourceId: "a", doneAt }, { userId: "u1", sourceId: "gone", doneAt }],
      counts: [
        { authorId: "u1", sourceId: "a", count: 1 },
        { authorId: "u1", sourceId: "a", count: 2 },
        { authorId: "u3", sourceId: "a", count: 9 },
      ],
    });
    expect(row).toEqual({ reviewer: rita, done: 0, cells: [{ sourceId: "a", state: "started", annotations: 3, doneAt: null }] });
  });

  it("no reviewers, no rows", () => {
    expect(buildProgressTable({ reviewers: [], sourceIds: ["a"], marks: [], counts: [] })).toEqual([]);
  });
});
