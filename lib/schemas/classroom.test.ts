import { describe, expect, it } from "vitest";
import { ZCreateAssignment, ZDueDate } from "./classroom";

describe("due dates", () => {
  it("parses ISO date-times and empty input, and refuses anything else", () => {
    expect(ZDueDate.parse("2026-03-12T16:00:00.000Z")).toEqual(new Date("2026-03-12T16:00:00.000Z"));
    expect(ZDueDate.parse("")).toBeNull();
    expect(ZDueDate.safeParse("next week").error?.issues[0]?.message).toMatch(/date and time/);
  });
});

describe("ZCreateAssignment", () => {
  const valid = { title: "Labels", instructions: "", dueAt: "", revealMode: "AFTER_SUBMIT", sourceIds: ["s"], tagIds: ["t"] };

  it("accepts an assignment without fact rows or due date", () => {
    expect(ZCreateAssignment.parse(valid)).toMatchObject({ dueAt: null, instructions: null, factRowIds: [] });
  });

  it.each([
    ["no source", { sourceIds: [] }, "sourceIds", /at least one source/],
    ["no tag", { tagIds: [] }, "tagIds", /at least one tag/],
    ["reveal at a missing due date", { revealMode: "AT_DUE_DATE" }, "dueAt", /Set a due date/],
    ["short title", { title: "ab" }, "title", /at least 3/],
  ])("refuses %s", (_name, patch, path, message) => {
    const issue = ZCreateAssignment.safeParse({ ...valid, ...patch }).error?.issues[0];
    expect(issue?.path.join(".")).toBe(path);
    expect(issue?.message).toMatch(message);
  });
});
