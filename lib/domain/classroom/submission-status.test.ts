import { describe, expect, it } from "vitest";
import { submissionStatus } from "./submission-status";

const now = new Date("2026-03-10T12:00:00Z");
const before = new Date("2026-03-09T12:00:00Z");
const due = new Date("2026-03-09T18:00:00Z");
const after = new Date("2026-03-10T09:00:00Z");
const later = new Date("2026-03-12T00:00:00Z");

describe("submissionStatus", () => {
  it.each([
    ["nothing yet, no due date", { startedAt: null, submittedAt: null }, null, "NOT_STARTED"],
    ["nothing yet, due later", { startedAt: null, submittedAt: null }, later, "NOT_STARTED"],
    ["nothing yet, due date passed", { startedAt: null, submittedAt: null }, due, "LATE"],
    ["started", { startedAt: before, submittedAt: null }, later, "IN_PROGRESS"],
    ["started, due date passed", { startedAt: before, submittedAt: null }, due, "LATE"],
    ["submitted on time", { startedAt: before, submittedAt: before }, due, "SUBMITTED"],
    ["submitted without a due date", { startedAt: before, submittedAt: after }, null, "SUBMITTED"],
    ["submitted after the due date", { startedAt: before, submittedAt: after }, due, "LATE"],
  ] as const)("%s", (_name, state, dueAt, expected) => {
    expect(submissionStatus(state, dueAt, now)).toBe(expected);
  });
});
