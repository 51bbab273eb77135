import { describe, expect, it } from "vitest";
import { alignAll } from "./align-all";
import { draftsFromAlignment, factRowLabel, mergeProposals, planRerun, proposalKey, splitProposal, type KeptProposal, type ProposalDraft, type ProposalPassage } from "./proposals";
import { COURIER, HERALD, TIMES } from "./test-fixtures";

const SOURCES = [
  { id: "herald", revisionId: "h1", text: HERALD },
  { id: "courier", revisionId: "c1", text: COURIER },
  { id: "times", revisionId: "t1", text: TIMES },
];
const column = (sourceId: string) => SOURCES.findIndex((s) => s.id === sourceId);

const passage = (sourceId: string, exact: string, start = 0, revisionId = `${sourceId[0]}1`): ProposalPassage => ({
  sourceId,
  revisionId,
  start,
  end: start + exact.length,
  exact,
});
const row = (...passages: ProposalPassage[]): ProposalDraft => ({
  passages,
  links: passages.slice(1).map((_, i) => ({ a: 0, b: i + 1, score: 0.5 })),
  score: passages.length > 1 ? 0.5 : 0,
  key: proposalKey(passages),
});
const kept = (status: KeptProposal["status"], d: ProposalDraft, edited = false): KeptProposal => ({ status, edited, key: d.key, passages: d.passages });

describe("proposalKey", () => {
  it.each([
    { name: "passage order does not matter", a: [passage("a", "x y"), passage("b", "z")], b: [passage("b", "z"), passage("a", "x y")], same: true },
    { name: "spacing does not matter", a: [passage("a", "x  y\n")], b: [passage("a", "x y", 40)], same: true },
    { name: "offsets and revisions do not matter", a: [passage("a", "x y", 0, "r1")], b: [passage("a", "x y", 99, "r2")], same: true },
    { name: "another source's passage differs", a: [passage("a", "x y")], b: [passage("b", "x y")], same: false },
    { name: "other words differ", a: [passage("a", "x y")], b: [passage("a", "x z")], same: false },
    { name: "one passage more differs", a: [passage("a", "x")], b: [passage("a", "x"), passage("b", "y")], same: false },
  ])("$name", ({ a, b, same }) => {
    expect(proposalKey(a) === proposalKey(b)).toBe(same);
  });

  it("stays short for long quotes", () => {
    expect(proposalKey([passage("a", "word ".repeat(5000))]).length).toBeLessThan(20);
  });
});

describe("draftsFromAlignment", () => {
  const result = alignAll(SOURCES);
  const drafts = draftsFromAlignment(result, SOURCES);

  it("makes one proposal per row and per exclusive passage", () => {
    expect(drafts).toHaveLength(result.rows.length + result.exclusives.length);
    expect(drafts.filter((d) => d.passages.length === 1)).toHaveLength(result.exclusives.length + result.rows.filter((r) => r.passages.filter(Boolean).length === 1).length);
  });

  it("keeps offsets that quote the source, ids of source and revision, columns in order", () => {
    for (const d of drafts) {
      for (const p of d.passages) expect(SOURCES.find((s) => s.id === p.sourceId)!.text.slice(p.start, p.end)).toBe(p.exact);
      expect(d.passages.map((p) => column(p.sourceId))).toEqual([...d.passages.map((p) => column(p.sourceId))].sort());
      expect(d.passages.every((p) => p.revisionId === SOURCES[column(p.sourceId)]!.revisionId)).toBe(true);
    }
  });

  it("renumbers links to the proposal's own passages", () => {
    for (const d of drafts) {
      for (const l of d.links) {
        expect(l.a).toBeLessThan(l.b);
        expect(l.b).toBeLessThan(d.passages.length);
      }
      if (d.passages.length === 1) expect(d).toMatchObject({ links: [], score: 0 });
    }
  });

  it("puts the proposals in story order", () => {
    const at = drafts.map((d) => d.passages[0]!.start / SOURCES[column(d.passages[0]!.sourceId)]!.text.length);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});

describe("planRerun", () => {
  const ab = row(passage("a", "alpha", 0), passage("b", "beta", 0));
  const cd = row(passage("a", "gamma", 10), passage("c", "delta", 0));
  const lone = row(passage("b", "epsilon", 10));

  it.each<{ name: string; kept: KeptProposal[]; expected: ProposalDraft[] }>([
    { name: "nothing stored: everything is proposed", kept: [], expected: [ab, cd, lone] },
    { name: "an undecided proposal is replaced by its new version", kept: [kept("PROPOSED", ab)], expected: [ab, cd, lone] },
    { name: "an accepted row is not proposed again", kept: [kept("ACCEPTED", ab)], expected: [cd, lone] },
    {
      name: "a rejected row comes back as its passages one by one",
      kept: [kept("REJECTED", ab)],
      expected: [row(passage("a", "alpha", 0)), row(passage("b", "beta", 0)), cd, lone],
    },
    {
      name: "a rejected passage on its own is not proposed again",
      kept: [kept("REJECTED", ab), kept("REJECTED", row(passage("a", "alpha", 0)))],
      expected: [row(passage("b", "beta", 0)), cd, lone],
    },
    { name: "a row touching an accepted passage is left out", kept: [kept("ACCEPTED", row(passage("a", "gamma and more", 5)))], expected: [ab, lone] },
    { name: "a split or merged proposal keeps its passages", kept: [kept("PROPOSED", row(passage("c", "delta", 0)), true)], expected: [ab, lone] },
    {
      name: "after an edit the same quote in a new revision counts as placed",
      kept: [kept("ACCEPTED", row(passage("b", "epsilon", 3, "b0")))],
      expected: [ab, cd],
    },
  ])("$name", ({ kept: stored, expected }) => {
    expect(planRerun([ab, cd, lone], stored)).toEqual(expected);
  });
});

describe("splitProposal and mergeProposals", () => {
  const three = row(passage("herald", "one"), passage("courier", "two"), passage("times", "three"));
  three.links = [
    { a: 0, b: 1, score: 0.9 },
    { a: 0, b: 2, score: 0.5 },
    { a: 1, b: 2, score: 0.4 },
  ];

  it("takes one source's passage out, keeping the links among the rest", () => {
    const [rest, alone] = splitProposal(three, "courier")!;
    expect(rest.passages.map((p) => p.sourceId)).toEqual(["herald", "times"]);
    expect(rest.links).toEqual([{ a: 0, b: 1, score: 0.5 }]);
    expect(rest.score).toBe(0.5);
    expect(alone).toMatchObject({ passages: [three.passages[1]], links: [], score: 0 });
  });

  it.each([
    { name: "a source the proposal does not have", proposal: three, sourceId: "nowhere" },
    { name: "a proposal of one passage", proposal: row(passage("herald", "one")), sourceId: "herald" },
  ])("refuses to split $name", ({ proposal, sourceId }) => {
    expect(splitProposal(proposal, sourceId)).toBeNull();
  });

  it("merges two proposals back, passages in column order, scores kept where known", () => {
    const [rest, alone] = splitProposal(three, "courier")!;
    const merged = mergeProposals(alone, rest, column)!;
    expect(merged.passages).toEqual(three.passages);
    expect(merged.links).toEqual([{ a: 0, b: 2, score: 0.5 }]);
    expect(merged.key).toBe(three.key);
  });

  it("refuses to merge two passages of one source", () => {
    expect(mergeProposals(three, row(passage("times", "four")), column)).toBeNull();
  });
});

describe("factRowLabel", () => {
  it.each([
    { name: "a short passage whole", exact: "The gate stuck open.", label: "The gate stuck open." },
    { name: "spacing collapsed", exact: "  The gate\n stuck  open. ", label: "The gate stuck open." },
    {
      name: "a long passage cut at a word, with an ellipsis",
      exact: "Seawater poured through the open gate for three hours, flooding streets, basements and the market hall before the surge eased.",
      label: "Seawater poured through the open gate for three hours, flooding streets…",
    },
    { name: "nothing to quote", exact: "   ", label: "Aligned passage" },
  ])("$name", ({ exact, label }) => {
    expect(factRowLabel([{ exact }])).toBe(label);
    expect(factRowLabel([{ exact }]).length).toBeLessThanOrEqual(81);
  });
});
