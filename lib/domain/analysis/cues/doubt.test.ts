import { describe, expect, it } from "vitest";
import { credibilityQuestion, grudgingAdmission } from "./doubt";
import { cues } from "./test-support";

describe.each([
  {
    pattern: grudgingAdmission,
    cases: [
      ["The ministry finally admitted the error.", ["finally admitted"]],
      ["The company belatedly acknowledged that the pipes leaked.", ["belatedly acknowledged"]],
      ["The police only later conceded that shots were fired.", ["only later conceded"]],
      ["The agency was forced to admit its mistake.", ["forced to admit"]],
      ["The ministry admitted the error.", []],
      ["The minister finally arrived at the summit.", []],
      ["The hospital admitted forty patients last week.", []],
      ["Officials later acknowledged receipt of the letter.", []],
    ],
  },
  {
    pattern: credibilityQuestion,
    cases: [
      ["Officials say the dam is safe. Can they be trusted?", ["Can they be trusted?"]],
      ["Is the ministry telling the truth about the spill?", ["Is the ministry telling the truth about the spill?"]],
      ["Who will lead the agency next year?", []],
      ["The agency can be trusted, the report found.", []],
      ["“Can we trust them?” asked a fisherman.", []],
    ],
  },
])("$pattern.id", ({ pattern, cases }) => {
  it.each(cases as [string, string[]][])("%s", (text, expected) => {
    expect(cues(pattern, text)).toEqual(expected);
  });

  it("proposes Doubt", () => {
    expect(pattern.propose).toEqual({ set: "Persuasion techniques", tag: "Doubt" });
  });
});
