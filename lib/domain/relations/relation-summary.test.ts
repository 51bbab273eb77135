import { describe, expect, it } from "vitest";
import { summarizeRelations, type SummaryAnnotation, type SummaryRelation } from "./relation-summary";

const claim = (id: string, outlet: string, evidenceLinks = 0): SummaryAnnotation => ({ id, outlet, isClaim: true, evidenceLinks });
const note = (id: string, outlet: string): SummaryAnnotation => ({ id, outlet, isClaim: false, evidenceLinks: 0 });
const link = (fromId: string, toId: string, typeKey: string | null): SummaryRelation => ({ fromId, toId, typeKey });

describe("summarizeRelations", () => {
  const cases: { name: string; annotations: SummaryAnnotation[]; relations: SummaryRelation[]; withEvidence: string[]; withoutEvidence: string[]; contradicted: [string, string[]][] }[] = [
    { name: "no claims", annotations: [note("n", "A")], relations: [], withEvidence: [], withoutEvidence: [], contradicted: [] },
    { name: "a claim without anything", annotations: [claim("c", "A")], relations: [], withEvidence: [], withoutEvidence: ["c"], contradicted: [] },
    { name: "evidence by relation", annotations: [claim("c", "A"), note("e", "B")], relations: [link("c", "e", "evidence")], withEvidence: ["c"], withoutEvidence: [], contradicted: [] },
    { name: "evidence by a link of its own", annotations: [claim("c", "A", 2)], relations: [], withEvidence: ["c"], withoutEvidence: [], contradicted: [] },
    { name: "evidence runs from the claim, not to it", annotations: [claim("c", "A"), note("e", "A")], relations: [link("e", "c", "evidence")], withEvidence: [], withoutEvidence: ["c"], contradicted: [] },
    { name: "another type is not evidence", annotations: [claim("c", "A"), note("e", "A")], relations: [link("c", "e", "same-as"), link("c", "e", null)], withEvidence: [], withoutEvidence: ["c"], contradicted: [] },
    { name: "evidence whose end is not visible does not count", annotations: [claim("c", "A")], relations: [link("c", "gone", "evidence")], withEvidence: [], withoutEvidence: ["c"], contradicted: [] },
    {
      name: "contradicted across outlets, either direction",
      annotations: [claim("c", "A"), note("x", "B"), claim("d", "C")],
      relations: [link("x", "c", "contradicts"), link("c", "d", "contradicts")],
      withEvidence: [],
      withoutEvidence: ["c", "d"],
      contradicted: [["c", ["B", "C"]], ["d", ["A"]]],
    },
    { name: "contradiction within one outlet does not count", annotations: [claim("c", "A"), claim("d", "A")], relations: [link("c", "d", "contradicts")], withEvidence: [], withoutEvidence: ["c", "d"], contradicted: [] },
    { name: "an outlet is named once", annotations: [claim("c", "A"), note("x", "B"), note("y", "B")], relations: [link("x", "c", "contradicts"), link("y", "c", "contradicts")], withEvidence: [], withoutEvidence: ["c"], contradicted: [["c", ["B"]]] },
    { name: "a non-claim contradicted is not listed", annotations: [note("n", "A"), note("x", "B")], relations: [link("x", "n", "contradicts")], withEvidence: [], withoutEvidence: [], contradicted: [] },
  ];
  it.each(cases)("$name", ({ annotations, relations, withEvidence, withoutEvidence, contradicted }) => {
    const summary = summarizeRelations(annotations, relations);
    expect(summary.claims).toBe(annotations.filter((a) => a.isClaim).length);
    expect(summary.withEvidence).toEqual(withEvidence);
    expect(summary.withoutEvidence).toEqual(withoutEvidence);
    expect(summary.contradictedAcrossOutlets.map((c) => [c.claimId, c.byOutlets])).toEqual(contradicted);
  });
});
