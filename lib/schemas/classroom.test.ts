import { describe, expect, it } from "vitest";
import { localDateTimeToIso, ZCreateAssignment, ZDueDate } from "./classroom";

describe("due dates", () => {
  it.each([
    ["UTC browser", "2026-03-12T17:00", 0, "2026-03-12T17:00:00.000Z"],
    ["Berlin in winter (UTC+1)", "2026-03-12T17:00", -60, "2026-03-12T16:00:00.000Z"],
    ["New York (UTC-5) past midnight UTC", "2026-03-12T21:30", 300, "2026-03-13T02:30:00.000Z"],
    ["empty stays empty", "", 0, ""],
    ["not a date-time passes through", "next week", 0, "next week"],
  ])("%s", (_name, value, offset, expected) => {
    expect(localDateTimeToIso(value, offset)).toBe(expected);
  });

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
