import { describe, expect, it } from "vitest";
import { splitClauses } from "./clauses";

const clauses = (text: string) => splitClauses(text, { start: 0, end: text.length }).map((c) => text.slice(c.start, c.end));

describe("splitClauses", () => {
  it.each([
    ["a semicolon", "The dam broke on Monday; the town was evacuated by night.", ["The dam broke on Monday;", "the town was evacuated by night."]],
    ["a spaced dash", "The mayor resigned on Friday — his deputy took over the council.", ["The mayor resigned on Friday", "his deputy took over the council."]],
    ["', while'", "Rescuers searched the valley, while engineers inspected the other dams.", ["Rescuers searched the valley,", "while engineers inspected the other dams."]],
    ["', which'", "The council approved the budget, which doubles spending on repairs.", ["The council approved the budget,", "which doubles spending on repairs."]],
    ["', who'", "Crowds honoured the general, who was killed in a drone strike.", ["Crowds honoured the general,", "who was killed in a drone strike."]],
    ["', and' before a new subject", "Five people died in the flood, and the mayor of the town resigned.", ["Five people died in the flood,", "and the mayor of the town resigned."]],
    ["not ', and' in a list", "They lost boats, nets, and fish worth thousands.", ["They lost boats, nets, and fish worth thousands."]],
    ["not a short piece", "Yes — the dam broke on Monday night.", ["Yes — the dam broke on Monday night."]],
    ["nothing to split", "The dam broke.", ["The dam broke."]],
  ])("%s", (_name, text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it("returns offsets inside the sentence it is given", () => {
    const text = "Intro. The dam broke on Monday; the town was evacuated by night.";
    const spans = splitClauses(text, { start: 7, end: text.length });
    expect(spans[0]!.start).toBe(7);
    expect(spans.at(-1)!.end).toBe(text.length);
  });
});
