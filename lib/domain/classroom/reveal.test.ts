import { describe, expect, it } from "vitest";
import { handedInAt, isRevealed, workLock, type RevealSettings } from "./reveal";

const now = new Date("2026-03-10T12:00:00Z");
const past = new Date("2026-03-09T12:00:00Z");
const future = new Date("2026-03-11T12:00:00Z");

const settings = (patch: Partial<RevealSettings>): RevealSettings => ({ revealMode: "AFTER_SUBMIT", dueAt: null, revealedAt: null, ...patch });

describe("isRevealed", () => {
  it.each([
    ["after submit, not submitted", settings({}), null, false],
    ["after submit, submitted", settings({}), past, true],
    ["after submit, submitted, due date ahead", settings({ dueAt: future }), past, true],
    ["at due date, before it", settings({ revealMode: "AT_DUE_DATE", dueAt: future }), past, false],
    ["at due date, after it, not submitted", settings({ revealMode: "AT_DUE_DATE", dueAt: past }), null, true],
    ["at due date, exactly at it", settings({ revealMode: "AT_DUE_DATE", dueAt: now }), null, true],
    ["at due date without a due date", settings({ revealMode: "AT_DUE_DATE" }), past, false],
    ["manual, not revealed, submitted", settings({ revealMode: "MANUAL" }), past, false],
    ["manual, revealed", settings({ revealMode: "MANUAL", revealedAt: past }), null, true],
  ] as const)("%s", (_name, s, submittedAt, expected) => {
    expect(isRevealed(s, submittedAt, now)).toBe(expected);
  });
});

describe("handedInAt", () => {
  it.each([
    ["no submission", null, null],
    ["started, not submitted", { submittedAt: null, annotations: 2 }, null],
    ["submitted with work", { submittedAt: past, annotations: 1 }, past],
    ["submitted empty (before empty work was refused)", { submittedAt: past, annotations: 0 }, null],
  ] as const)("%s", (_name, submission, expected) => {
    expect(handedInAt(submission)).toBe(expected);
  });

  it("keeps an empty submission from revealing the class's work after submit", () => {
    expect(isRevealed(settings({}), handedInAt({ submittedAt: past, annotations: 0 }), now)).toBe(false);
  });
});

describe("workLock", () => {
  it("leaves unsubmitted, unrevealed work open", () => {
    expect(workLock(settings({ dueAt: past }), null, now)).toEqual({ locked: false });
  });

  it("locks submitted work and says who can reopen it", () => {
    const lock = workLock(settings({}), past, now);
    expect(lock.locked && lock.reason).toMatch(/submitted.*teacher to reopen/);
  });

  it("locks work once the class's work is revealed, submitted or not", () => {
    const lock = workLock(settings({ revealMode: "MANUAL", revealedAt: past }), null, now);
    expect(lock.locked && lock.reason).toMatch(/visible now/);
  });
});
