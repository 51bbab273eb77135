import { describe, expect, it } from "vitest";
import { codePointIndex } from "../text/code-points";
import { readBratConfig, readBratDocument, writeBrat } from "./brat";
import type { ExportDocument } from "./documents";
import { AnnotationFileError } from "./read-web-annotations";
import { exportedAnnotation } from "./test-fixtures";
import type { ExportedAnnotation } from "./types";

// Astral characters (an emoji, a Fraktur letter, a flag of two) before and inside spans.
const TEXT = "😀 Fraktur 𝔘 says: 𝔘nion 🇪🇺 holds.\nNext line 🎉 ends here.\n";
const index = codePointIndex(TEXT);
const python = (utf16: number) => [...TEXT.slice(0, utf16)].length;

function on(words: string, overrides: Partial<ExportedAnnotation> = {}): ExportedAnnotation {
  const start = TEXT.indexOf(words);
  const end = start + words.length;
  return exportedAnnotation({ exact: words, start, end, codePoints: { start: index.toCodePoint(start), end: index.toCodePoint(end) }, ...overrides });
}

const annotations = [
  on("𝔘nion 🇪🇺 holds.", {
    tags: [
      { name: "Loaded language", tagSet: "Framing devices" },
      { name: "Loaded language", tagSet: "Persuasion techniques" },
    ],
    comment: 'Two lines:\n"quoted" \\ and a\ttab.',
    claim: { asserter: "QUOTED_PARTY", assertedBy: "a spokesman", status: "DISPUTED", evidence: ["https://example.org/check"] },
  }),
  on("holds.\nNext line 🎉", { tags: [{ name: "Headline/lead emphasis", tagSet: "Framing devices" }], comment: null }),
];
const document: ExportDocument = { stem: "01-astral", title: "Astral", text: TEXT, annotations };

function read(files: ReturnType<typeof writeBrat>) {
  const file = (name: string) => files.find((f) => f.path === `story/${name}`)!.text;
  const types = readBratConfig(file("annotation.conf"), file("visual.conf"));
  return readBratDocument({ stem: "01-astral", annName: "01-astral.ann", txt: file("01-astral.txt"), ann: file("01-astral.ann") }, types);
}

describe("writeBrat", () => {
  const files = writeBrat("story", [document]);

  it("writes the configuration, then a .txt and an .ann per document", () => {
    expect(files.map((f) => f.path)).toEqual(["story/annotation.conf", "story/visual.conf", "story/01-astral.txt", "story/01-astral.ann"]);
    expect(files[2]!.text).toBe(TEXT);
    expect(files[0]!.text).toContain("[entities]\n!Framing_devices\n\tLoaded_language\n\tHeadline_lead_emphasis\n!Persuasion_techniques\n\tLoaded_language-2\n");
    expect(files[0]!.text).toContain("Claim\tArg:<ENTITY>, Value:unverified|supported|disputed|false\n");
    expect(files[1]!.text).toBe(
      "[labels]\nFraming_devices | Framing devices\nLoaded_language | Loaded language\nHeadline_lead_emphasis | Headline/lead emphasis\n" +
        "Persuasion_techniques | Persuasion techniques\nLoaded_language-2 | Loaded language\n[drawing]\n",
    );
  });

  it("counts offsets in code points, as brat (Python) does, one T line per tag, splitting spans at line breaks", () => {
    const start = TEXT.indexOf("𝔘nion");
    const end = start + "𝔘nion 🇪🇺 holds.".length;
    const holds = TEXT.indexOf("holds.");
    const next = TEXT.indexOf("Next");
    const party = TEXT.indexOf("🎉") + 2;
    expect([python(start), python(end)]).toEqual([18, 33]);
    expect(files[3]!.text.split("\n")).toEqual([
      `T1\tLoaded_language ${python(start)} ${python(end)}\t𝔘nion 🇪🇺 holds.`,
      "#1\tAnnotatorNotes T1\tTwo lines:\\n\"quoted\" \\\\ and a\\ttab.",
      "A1\tClaim T1 disputed",
      "A2\tClaimAsserter T1 quoted_party",
      "#2\tAnnotatorNotes T1\tAsserted by: a spokesman",
      "#3\tAnnotatorNotes T1\tEvidence: https://example.org/check",
      `T2\tLoaded_language-2 ${python(start)} ${python(end)}\t𝔘nion 🇪🇺 holds.`,
      "#4\tAnnotatorNotes T2\tTwo lines:\\n\"quoted\" \\\\ and a\\ttab.",
      "A3\tClaim T2 disputed",
      "A4\tClaimAsserter T2 quoted_party",
      "#5\tAnnotatorNotes T2\tAsserted by: a spokesman",
      "#6\tAnnotatorNotes T2\tEvidence: https://example.org/check",
      `T3\tHeadline_lead_emphasis ${python(holds)} ${python(holds + 6)};${python(next)} ${python(party)}\tholds. Next line 🎉`,
      "",
    ]);
  });

  it("reads back the same words, tags, comment and claim (the round trip)", () => {
    const doc = read(files);
    expect(doc.skipped).toEqual([]);
    expect(doc.annotations).toHaveLength(2);
    const [first, second] = doc.annotations;
    expect(first).toMatchObject({
      where: "01-astral.ann:1",
      tags: annotations[0]!.tags,
      comment: annotations[0]!.comment,
      claim: { status: "DISPUTED", asserter: "QUOTED_PARTY", assertedBy: "a spokesman" },
      links: ["https://example.org/check"],
      creator: null,
    });
    expect(first!.targets[0]).toMatchObject({ quote: { exact: "𝔘nion 🇪🇺 holds.", prefix: "😀 Fraktur 𝔘 says: " }, position: annotations[0]!.codePoints });
    expect(second).toMatchObject({ tags: annotations[1]!.tags, comment: null, claim: null });
    expect(second!.targets[0]).toMatchObject({ quote: { exact: "holds.\nNext line 🎉" }, position: annotations[1]!.codePoints });
  });
});

describe("brat relations", () => {
  const from = on("𝔘nion 🇪🇺 holds.", { id: "a1", tags: annotations[0]!.tags, comment: null, claim: null });
  const to = on("Next line 🎉", { id: "a2", tags: [{ name: "Doubt", tagSet: "Persuasion techniques" }], comment: null });
  from.links = [
    { direction: "to", type: "Same as (quote)", annotationId: "a2" },
    { direction: "to", type: "Evidence", annotationId: "elsewhere" },
  ];
  to.links = [{ direction: "from", type: "Same as (quote)", annotationId: "a1" }];
  const files = writeBrat("story", [{ ...document, annotations: [from, to] }]);

  it("writes an R line from the first T line of one annotation to the other's, its type in both configuration files", () => {
    expect(files[3]!.text.split("\n").slice(-2)).toEqual(["R1\tSame_as_quote Arg1:T1 Arg2:T3", ""]);
    expect(files[0]!.text).toContain("[relations]\nSame_as_quote\tArg1:Loaded_language, Arg2:Doubt\n[events]");
    expect(files[1]!.text).toContain("Same_as_quote | Same as (quote)\n");
  });

  it("reads it back as a linking annotation between the joined annotations, in code points after astral characters", () => {
    const doc = read(files);
    expect(doc.skipped).toEqual([]);
    const [first, second, link] = doc.annotations;
    expect(first!.targets[0]!.position).toEqual(from.codePoints);
    expect(second!.targets[0]!.position).toEqual(to.codePoints);
    expect(link).toMatchObject({ where: "01-astral.ann:4", tags: [], creator: null, relation: { from: first!.id, to: second!.id, type: "Same as (quote)", key: null } });
  });
});

describe("readBratConfig", () => {
  it("takes names from visual.conf and tag sets from the groups of annotation.conf", () => {
    const types = readBratConfig("[entities]\n!Persons\n\tPER\n\t\tPER_quoted\nORG\n[relations]\n", "[labels]\nPER | Person | P\n!Persons | People\n");
    expect(Object.fromEntries(types)).toEqual({
      PER: { name: "Person", tagSet: "People" },
      PER_quoted: { name: "PER quoted", tagSet: "People" },
      ORG: { name: "ORG", tagSet: null },
    });
  });

  it("reads types from their names when there is no configuration", () => {
    const doc = readBratDocument({ stem: "a", annName: "a.ann", txt: "The Loaded words.", ann: "T1\tLoaded_language 4 16\tLoaded words\n" }, readBratConfig(null, null));
    expect(doc.annotations[0]!.tags).toEqual([{ name: "Loaded language", tagSet: null }]);
  });
});

describe("readBratDocument", () => {
  const txt = "Alpha beta gamma delta. 🎉 Epsilon.";
  const readAnn = (ann: string) => readBratDocument({ stem: "doc", annName: "doc.ann", txt, ann }, new Map());

  it.each([
    ["a relation with other roles", "T1\tA 0 5\tAlpha\nT2\tB 6 10\tbeta\nR1\tCause Cause:T1 Effect:T2\n", "doc.ann:3", /relation R1: only relations from Arg1 to Arg2/],
    ["a relation to a missing annotation", "T1\tA 0 5\tAlpha\nR1\tCause Arg1:T1 Arg2:T7\n", "doc.ann:2", /relation R1 links T7, which is not a text-bound annotation/],
    ["an equivalence", "T1\tA 0 5\tAlpha\nT2\tA 6 10\tbeta\n*\tEquiv T1 T2\n", "doc.ann:3", /equivalences are not imported/],
    ["an event", "T1\tA 0 5\tAlpha\nE1\tA:T1\n", "doc.ann:2", /no events/],
    ["a normalisation", "T1\tA 0 5\tAlpha\nN1\tReference T1 Wikipedia:1\tAlpha\n", "doc.ann:2", /external databases/],
    ["another attribute", "T1\tA 0 5\tAlpha\nA1\tNegated T1\n", "doc.ann:2", /“Negated” has no Parallax field/],
    ["a discontinuous span", "T1\tA 0 5;11 16\tAlpha gamma\n", "doc.ann:1", /discontinuous/],
    ["a note on a missing annotation", "#1\tAnnotatorNotes T9\tHello\n", "doc.ann:1", /T9, which is not a text-bound annotation/],
  ])("skips %s, saying why", (_name, ann, where, reason) => {
    const doc = readAnn(ann);
    expect(doc.skipped).toEqual([{ where, reason: expect.stringMatching(reason) }]);
  });

  it.each([
    ["a line that is not brat", "Hello there\n", "doc.ann:1"],
    ["a malformed T line", "T1\tA five 9\tAlpha\n", "doc.ann:1"],
    ["offsets beyond the text", "T1\tA 30 40\tnothing\n", "doc.ann:1"],
    ["words that are not the text's", "T1\tA 0 5\tOmega\n", "doc.ann:1"],
    ["a span that ends before it starts", "T1\tA 5 5\t\n", "doc.ann:1"],
  ])("refuses %s, saying where", (_name, ann, where) => {
    let error: unknown;
    try {
      readAnn(ann);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AnnotationFileError);
    expect((error as AnnotationFileError).where).toBe(where);
  });

  it("counts a span after an emoji in code points", () => {
    const doc = readAnn("T1\tA 26 33\tEpsilon\n");
    expect(doc.annotations[0]!.targets[0]!.quote!.exact).toBe("Epsilon");
  });
});
