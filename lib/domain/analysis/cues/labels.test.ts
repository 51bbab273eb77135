import { describe, expect, it } from "vitest";
import { backerLabel } from "./labels";
import { cues } from "./test-support";

describe("backer-label", () => {
  it.each([
    ["Iran-backed militias fired rockets.", ["Iran-backed"]],
    ["The state-sponsored gangs and a Kremlin-funded channel were named.", ["state-sponsored", "Kremlin-funded"]],
    ["US-led forces crossed the river.", []],
    ["The well-funded plan passed.", []],
    ["The project, Iran - backed by loans, stalled.", []],
    ["The group was Iran-backed.", []],
  ])("%s", (text, expected) => {
    expect(cues(backerLabel, text)).toEqual(expected);
  });
});
