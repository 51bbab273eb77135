import { describe, expect, it } from "vitest";
import { matchTarget, parallaxSourceId, type CandidateSource } from "./match-target";
import { AnnotationFileError, readWebAnnotations, type ImportedTarget } from "./read-web-annotations";
import { codePointIndex } from "../text/code-points";
import { exportedAnnotation } from "./test-fixtures";
import { toWebAnnotation, type WebAnnotationUrls } from "./web-annotation";

const urls: WebAnnotationUrls = {
  annotation: (id) => `http://app.example/api/comparisons/c1/annotations/${id}`,
  source: (id, revision) => `http://app.example/w/desk/c/story/sources/${id}?revision=${revision}`,
  creator: (id) => `http://app.example/w/desk/members#user-${id}`,
};

const quoteTarget = {
  source: "https://news.example/article",
  selector: { type: "TextQuoteSelector", exact: "the gate jammed" },
};

describe("readWebAnnotations", () => {
  it("reads back everything Parallax exports", () => {
    const exported = exportedAnnotation({
      tags: [
        { name: "Attribution", tagSet: "Framing devices" },
        { name: "Doubt", tagSet: "Persuasion techniques" },
      ],
      claim: { asserter: "QUOTED_PARTY", assertedBy: "the mayor", status: "FALSE", evidence: ["https://a.example/1"] },
    });
    const [read] = readWebAnnotations(toWebAnnotation(exported, urls));
    expect(read).toEqual({
      where: "$",
      id: urls.annotation("ann1"),
      created: exported.created,
      modified: exported.modified,
      creator: { id: urls.creator("user1"), name: "Dana Demo" },
      tags: [
        { name: "Attribution", tagSet: "Framing devices" },
        { name: "Doubt", tagSet: "Persuasion techniques" },
      ],
      comment: "Sourced to witnesses only.",
      claim: { asserter: "QUOTED_PARTY", assertedBy: "the mayor", status: "FALSE" },
      links: ["https://a.example/1"],
      targets: [
        {
          where: "$.target",
          sourceIri: urls.source("src1", 1),
          title: "Barrier fails",
          outlet: "Harbor Ledger",
          via: "https://ledger.example/barrier",
          quote: { exact: "the gate jammed", prefix: "Witnesses said ", suffix: " at high tide." },
          position: { start: 15, end: 30 },
        },
      ],
    });
  });

  it("accepts a collection with embedded pages, a page, an array and a lone annotation", () => {
    const annotation = (n: number) => ({ type: "Annotation", id: `urn:a${n}`, target: quoteTarget });
    const collection = {
      type: "AnnotationCollection",
      first: { type: "AnnotationPage", items: [annotation(1)], next: { type: "AnnotationPage", items: [annotation(2), annotation(3)] } },
    };
    expect(readWebAnnotations(collection).map((a) => [a.id, a.where])).toEqual([
      ["urn:a1", "$.first.items[0]"],
      ["urn:a2", "$.first.next.items[0]"],
      ["urn:a3", "$.first.next.items[1]"],
    ]);
    expect(readWebAnnotations({ type: "AnnotationPage", items: [annotation(1)] })).toHaveLength(1);
    expect(readWebAnnotations([annotation(1), [annotation(2)]]).map((a) => a.where)).toEqual(["$[0]", "$[1][0]"]);
    expect(readWebAnnotations(annotation(4))[0]!.id).toBe("urn:a4");
  });

  it("reads other tools' shapes: bodyValue, untyped bodies under a motivation, choices, refined selectors", () => {
    const [plain] = readWebAnnotations({ type: "Annotation", bodyValue: "  A plain note. ", target: quoteTarget });
    expect(plain).toMatchObject({ comment: "A plain note.", tags: [], claim: null });

    const [tagged] = readWebAnnotations({
      type: "Annotation",
      motivation: "tagging",
      body: [{ value: "Euphemism" }, { type: "TextualBody", value: "not a tag", purpose: "describing" }, { type: "Choice", items: [{ value: "Hedging", purpose: "tagging" }, { value: "Alt" }] }],
      target: {
        source: { id: "https://news.example/article" },
        selector: { type: "FragmentSelector", value: "para-3", refinedBy: [{ type: "TextPositionSelector", start: 4, end: 19 }, { type: "TextQuoteSelector", exact: "the gate jammed", prefix: "Yes " }] },
      },
    });
    expect(tagged!.tags).toEqual([
      { name: "Euphemism", tagSet: null },
      { name: "Hedging", tagSet: null },
    ]);
    expect(tagged!.comment).toBe("not a tag");
    expect(tagged!.targets[0]).toMatchObject({ sourceIri: "https://news.example/article", quote: { exact: "the gate jammed", prefix: "Yes " }, position: { start: 4, end: 19 } });

    const [linked] = readWebAnnotations({ type: "oa:Annotation", body: "https://evidence.example/x", target: ["https://whole.example/doc", quoteTarget] });
    expect(linked!.links).toEqual(["https://evidence.example/x"]);
    expect(linked!.targets.map((t) => [t.sourceIri, t.quote?.exact ?? null])).toEqual([
      ["https://whole.example/doc", null],
      ["https://news.example/article", "the gate jammed"],
    ]);
  });

  it.each<[string, unknown, string]>([
    ["not annotations at all", { hello: "world" }, "$"],
    ["an annotation without a target", { type: "Annotation", id: "urn:x" }, "$"],
    ["body and bodyValue together", { type: "Annotation", body: { value: "a" }, bodyValue: "b", target: quoteTarget }, "$"],
    ["an empty quote", { type: "Annotation", target: { source: "urn:s", selector: { type: "TextQuoteSelector", exact: "" } } }, "$.target.selector.exact"],
    ["offsets backwards", { type: "Annotation", target: { source: "urn:s", selector: [{ type: "TextPositionSelector", start: 9, end: 3 }] } }, "$.target.selector[0]"],
    ["a date that is no date", { type: "Annotation", created: "last week", target: quoteTarget }, "$.created"],
    ["an unknown claim status", { type: "Annotation", body: { value: "x", "parallax:claimStatus": "maybe" }, target: quoteTarget }, '$.body["parallax:claimStatus"]'],
    ["a collection whose pages are links", { type: "AnnotationCollection", first: "https://elsewhere.example/page1" }, "$.first"],
    ["a number among the items", { type: "AnnotationPage", items: [{ type: "Annotation", target: quoteTarget }, 7] }, "$.items[1]"],
  ])("refuses %s, saying where", (_name, json, where) => {
    let error: unknown;
    try {
      readWebAnnotations(json);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AnnotationFileError);
    expect((error as AnnotationFileError).where).toBe(where);
  });
});

describe("matchTarget", () => {
  const sources: CandidateSource[] = [
    { id: "s1", title: "Barrier fails", outlet: "Harbor Ledger", url: "https://ledger.example/barrier", text: "Witnesses said the gate jammed at high tide. Officials disagreed." },
    { id: "s2", title: "Flood in the flats", outlet: "Flats Voice", url: null, text: "Officials said the barrier worked. Residents said the gate jammed." },
  ];
  const target = (overrides: Partial<ImportedTarget>): ImportedTarget => ({
    where: "$.target",
    sourceIri: null,
    title: null,
    outlet: null,
    via: null,
    quote: { exact: "the gate jammed" },
    position: null,
    ...overrides,
  });

  it("recognises the source by Parallax address, article address, or title, and anchors there", () => {
    expect(parallaxSourceId("http://x.example/w/desk/c/story/sources/s2?revision=4")).toBe("s2");
    expect(matchTarget(target({ sourceIri: "http://x.example/w/desk/c/story/sources/s2?revision=1" }), sources)).toMatchObject({ kind: "placed", sourceId: "s2", by: "source id", exact: true });
    expect(matchTarget(target({ via: "https://ledger.example/barrier" }), sources)).toMatchObject({ sourceId: "s1", by: "article address", start: 15, end: 30 });
    expect(matchTarget(target({ sourceIri: "https://ledger.example/barrier" }), sources)).toMatchObject({ sourceId: "s1", by: "article address" });
    expect(matchTarget(target({ title: "flood in the FLATS" }), sources)).toMatchObject({ sourceId: "s2", by: "title" });
  });

  it("falls back to the source where the quote anchors best, using the context", () => {
    expect(matchTarget(target({ quote: { exact: "the gate jammed", prefix: "Residents said " } }), sources)).toMatchObject({ kind: "placed", sourceId: "s2", by: "quote" });
    expect(matchTarget(target({ quote: { exact: "the barrier woked" } }), sources)).toMatchObject({ kind: "placed", sourceId: "s2", exact: false });
  });

  it("keeps a named source's missing words as an orphan, and skips what it cannot place anywhere", () => {
    expect(matchTarget(target({ title: "Barrier fails", quote: { exact: "an entirely different sentence altogether" } }), sources)).toEqual({ kind: "orphaned", sourceId: "s1", by: "title" });
    expect(matchTarget(target({ quote: { exact: "an entirely different sentence altogether" } }), sources)).toMatchObject({ kind: "unplaced" });
    expect(matchTarget(target({ quote: null }), sources)).toMatchObject({ kind: "unplaced" });
    expect(matchTarget(target({ quote: null, position: { start: 0, end: 9 } }), sources)).toMatchObject({ kind: "unplaced" });
  });

  it("places offsets alone on a named source, fuzzily", () => {
    expect(matchTarget(target({ title: "Barrier fails", quote: null, position: { start: 15, end: 30 } }), sources)).toEqual({
      kind: "placed",
      sourceId: "s1",
      start: 15,
      end: 30,
      score: 0.5,
      exact: false,
      by: "title",
    });
  });
});

describe("TextPositionSelector in code points", () => {
  // Astral characters (2 UTF-16 units, 1 code point) before and inside the spans, and the
  // same words twice, so only a correct position picks the right copy.
  const text = "😀 Fraktur 𝔘 says: 𝔘nion 🇪🇺 holds. Later, 𝔘nion 🇪🇺 holds. 🎉 End.";
  const source: CandidateSource = { id: "s1", title: "Astral", outlet: null, url: null, text };
  const spans = [
    ["the first copy, after an emoji and a Fraktur letter", text.indexOf("𝔘nion"), text.indexOf("holds.") + 6],
    ["the second copy, after a flag too", text.lastIndexOf("𝔘nion"), text.lastIndexOf("holds.") + 6],
    ["words starting with an emoji", text.indexOf("🎉"), text.indexOf("End") + 3],
  ] as const;

  it.each(spans)("exports and imports %s at the same place", (_name, start, end) => {
    const index = codePointIndex(text);
    const exported = exportedAnnotation({
      source: { id: "s1", title: "Astral", outlet: null, url: null },
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      start,
      end,
      codePoints: { start: index.toCodePoint(start), end: index.toCodePoint(end) },
    });
    const json = toWebAnnotation(exported, urls) as { target: { selector: { start?: number; end?: number }[] } };
    const position = json.target.selector[1]!;
    expect([position.start, position.end]).toEqual([[...text.slice(0, start)].length, [...text.slice(0, end)].length]);
    const [read] = readWebAnnotations(json);
    expect(matchTarget(read!.targets[0]!, [source])).toMatchObject({ kind: "placed", start, end, exact: true });
  });

  it("places offsets alone by code points, and orphans offsets beyond the text", () => {
    const start = text.lastIndexOf("𝔘nion");
    const codePointStart = [...text.slice(0, start)].length;
    const target: ImportedTarget = { where: "$", sourceIri: null, title: "Astral", outlet: null, via: null, quote: null, position: { start: codePointStart, end: codePointStart + 5 } };
    expect(matchTarget(target, [source])).toMatchObject({ kind: "placed", start, end: start + 6 });
    expect(matchTarget({ ...target, position: { start: 500, end: 510 } }, [source])).toMatchObject({ kind: "orphaned" });
  });
});
