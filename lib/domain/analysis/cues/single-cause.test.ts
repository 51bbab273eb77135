import { describe, expect, it } from "vitest";
import { actorAlone } from "./single-cause";
import { cues } from "./test-support";

describe("actor-alone", () => {
  it.each([
    ["He alone can end the war.", ["He alone"]],
    ["Many believe that Ines Baptiste alone saved the harbour.", ["Ines Baptiste alone"]],
    ["Washington alone is responsible for the crisis.", ["Washington alone"]],
    ["January alone saw three hundred attacks.", []],
    ["This year alone saw three hundred attacks.", []],
    ["The guards left him alone in the cell.", []],
    ["She lived alone after the war.", []],
    ["On Monday alone, forty boats left.", []],
  ])("%s", (text, expected) => {
    expect(cues(actorAlone, text)).toEqual(expected);
  });
});
