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
    ["a colon", "The mayor gave one reason: the dam had not been inspected for years.", ["The mayor gave one reason:", "the dam had not been inspected for years."]],
    ["', saying'", "The minister blamed the storm, saying the dam had been safe for decades.", ["The minister blamed the storm,", "saying the dam had been safe for decades."]],
    ["a participle clause", "The water reached the square by noon, flooding the shops along the river.", ["The water reached the square by noon,", "flooding the shops along the river."]],
    ["an appositive closed by a comma", "Halim Qasem, a former mayor of the town, ordered the evacuation of the valley.", ["Halim Qasem, a former mayor of the town,", "ordered the evacuation of the valley."]],
    ["', with'", "The ferry left the port at dawn, with forty cars on its lower deck.", ["The ferry left the port at dawn,", "with forty cars on its lower deck."]],
    ["an opening quotation mark", "The mayor spoke to reporters, “we were never warned about the dam.”", ["The mayor spoke to reporters,", "“we were never warned about the dam.”"]],
    ["', and' before a number word", "The dam broke on Monday, and several villages were flooded overnight.", ["The dam broke on Monday,", "and several villages were flooded overnight."]],
    ["an opening phrase", "After the flood in the valley, the mayor of the town resigned.", ["After the flood in the valley,", "the mayor of the town resigned."]],
    ["not 'At least' as an opening phrase", "At least five people were killed, the civil defence agency said.", ["At least five people were killed, the civil defence agency said."]],
  ])("%s", (_name, text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it.each([
    ["an appositive running to the end holds the predicate", "Halim Qasem, a former mayor and two of his aides were arrested at the dam on Monday.", ["Halim Qasem, a former mayor and two of his aides were arrested at the dam on Monday."]],
    ["a dateline is no part of any clause", "PORT ERREN, 12 March 2026 — The Kessel Dam collapsed on Monday night.", ["The Kessel Dam collapsed on Monday night."]],
  ])("%s", (_name, text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it.each([
    ["relative clause", "Crowds honoured the general, who was killed in a drone strike near the airport.", [false, true]],
    ["participle clause", "The water reached the square by noon, flooding the shops along the river.", [false, true]],
    ["opening phrase, then the main clause even when it opens with an article", "Following his arrest in the valley, a judge of the court released him on bail.", [true, false]],
    ["appositive", "Halim Qasem, a former mayor of the town, ordered the evacuation of the valley.", [false, false]],
    ["coordinated main clauses", "Five people died in the flood, and the mayor of the town resigned.", [false, false]],
  ])("marks subordinate clauses: %s", (_name, text, expected) => {
    expect(splitClauses(text, { start: 0, end: text.length }).map((c) => c.subordinate)).toEqual(expected);
  });

  it("returns offsets inside the sentence it is given", () => {
    const text = "Intro. The dam broke on Monday; the town was evacuated by night.";
    const spans = splitClauses(text, { start: 7, end: text.length });
    expect(spans[0]!.start).toBe(7);
    expect(spans.at(-1)!.end).toBe(text.length);
  });
});
