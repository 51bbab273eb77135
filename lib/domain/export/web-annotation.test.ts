import { describe, expect, it } from "vitest";
import { EXPECTED_MUST_COUNT, mustCheckCount, mustFailures } from "@/tests/helpers/w3c-annotation-model";
import { exportedAnnotation } from "./test-fixtures";
import type { ExportedAnnotation } from "./types";
import { ANNO_CONTEXT, annotationCollectionChunks, asUri, toWebAnnotation, type JsonObject, type WebAnnotationUrls } from "./web-annotation";

const urls: WebAnnotationUrls = {
  annotation: (id) => `http://localhost:3000/api/comparisons/c1/annotations/${id}`,
  source: (id, revision) => `http://localhost:3000/w/desk/c/story/sources/${id}?revision=${revision}`,
  creator: (id) => `http://localhost:3000/w/desk/members#user-${id}`,
};

const claim: ExportedAnnotation["claim"] = {
  asserter: "QUOTED_PARTY",
  assertedBy: "the port authority",
  status: "SUPPORTED",
  evidence: ["https://port.example/reports/2025", "https://example.org/café?q=ü"],
};

const variants: Record<string, ExportedAnnotation> = {
  "tag and comment": exportedAnnotation(),
  "several tags, no comment": exportedAnnotation({
    comment: null,
    tags: [
      { name: "Loaded language", tagSet: "Framing devices" },
      { name: "Loaded language", tagSet: "Persuasion techniques" },
      { name: "Security and defense", tagSet: "Frame dimensions" },
    ],
  }),
  "claim with evidence": exportedAnnotation({ claim }),
  "claim by the outlet, no evidence": exportedAnnotation({ claim: { asserter: "OUTLET", assertedBy: null, status: "UNVERIFIED", evidence: [] } }),
  "unicode everywhere, no outlet or URL": exportedAnnotation({
    exact: "«ces mots» — 🌊 العربية",
    prefix: "",
    suffix: "",
    comment: "Zoë's note: “quoted” \n second line",
    author: { id: "u2", name: "Zoë Ñúñez" },
    source: { id: "s2", title: "Über die Flut", outlet: null, url: null },
  }),
  orphaned: exportedAnnotation({ anchor: { status: "ORPHANED", score: 0 }, revision: 3 }),
};

describe("the W3C conformance checker", () => {
  it("loads every MUST assertion that SOURCE.md lists", () => {
    expect(mustCheckCount()).toBe(EXPECTED_MUST_COUNT);
  });

  it.each<[string, (a: JsonObject) => unknown]>([
    ["no @context", ({ "@context": _, ...rest }) => rest],
    ["a foreign @context", (a) => ({ ...a, "@context": "http://example.org/context.jsonld" })],
    ["no target", ({ target: _, ...rest }) => rest],
    ["no id", ({ id: _, ...rest }) => rest],
    ["an id that is not a URI", (a) => ({ ...a, id: "not a uri" })],
    ["the wrong type", (a) => ({ ...a, type: "Note" })],
    ["body and bodyValue together", (a) => ({ ...a, bodyValue: "both" })],
    ["a created date that is not a date-time", (a) => ({ ...a, created: "yesterday" })],
    ["a body that is no resource", (a) => ({ ...a, body: [{ purpose: "tagging" }] })],
    ["a target that is not a URI", (a) => ({ ...a, target: "not a uri" })],
    ["a bodyValue that is no string, beside a body", ({ body: _, ...rest }) => ({ ...rest, bodyValue: 42 })],
  ])("catches an annotation with %s", (_name, breakIt) => {
    const broken = breakIt(toWebAnnotation(exportedAnnotation(), urls));
    expect(mustFailures(broken).length).toBeGreaterThan(0);
  });

  it("refuses what is not an annotation object at all", () => {
    expect(mustFailures([])).toHaveLength(1);
    expect(mustFailures("annotation")).toHaveLength(1);
  });
});

describe("toWebAnnotation", () => {
  it.each(Object.entries(variants))("passes every MUST assertion: %s", (_name, annotation) => {
    expect(mustFailures(toWebAnnotation(annotation, urls))).toEqual([]);
  });

  it("writes tags, comment and claim as bodies with their purposes, and the target as quote and position selectors", () => {
    const web = toWebAnnotation(variants["claim with evidence"]!, urls);
    expect(web).toMatchObject({
      "@context": [ANNO_CONTEXT, { parallax: expect.any(String) }],
      id: "http://localhost:3000/api/comparisons/c1/annotations/ann1",
      type: "Annotation",
      motivation: ["tagging", "commenting", "assessing"],
      created: "2025-10-14T08:00:00.000Z",
      modified: "2025-10-14T09:30:00.000Z",
      creator: { type: "Person", name: "Dana Demo" },
      body: [
        { type: "TextualBody", purpose: "tagging", value: "Attribution", "parallax:tagSet": "Framing devices" },
        { type: "TextualBody", purpose: "commenting", value: "Sourced to witnesses only." },
        {
          type: "TextualBody",
          purpose: "assessing",
          "parallax:claimAsserter": "quoted party",
          "parallax:assertedBy": "the port authority",
          "parallax:claimStatus": "supported",
        },
        { type: "SpecificResource", purpose: "linking", source: "https://port.example/reports/2025" },
        { type: "SpecificResource", purpose: "linking", source: "https://example.org/caf%C3%A9?q=%C3%BC" },
      ],
      target: {
        source: {
          id: "http://localhost:3000/w/desk/c/story/sources/src1?revision=1",
          "dcterms:title": "Barrier fails",
          "schema:publisher": "Harbor Ledger",
          via: "https://ledger.example/barrier",
        },
        selector: [
          { type: "TextQuoteSelector", exact: "the gate jammed", prefix: "Witnesses said ", suffix: " at high tide." },
          { type: "TextPositionSelector", start: 15, end: 30 },
        ],
      },
      "parallax:anchorStatus": "exact",
    });
  });

  it("gives a plain tag a single motivation", () => {
    expect(toWebAnnotation(exportedAnnotation({ comment: null }), urls).motivation).toBe("tagging");
  });
});

describe("asUri", () => {
  it("percent-encodes what a URI may not contain and leaves the rest", () => {
    expect(asUri("https://münchen.example/straße")).toBe("https://xn--mnchen-3ya.example/stra%C3%9Fe");
    expect(asUri("https://example.org/a?b=c#d")).toBe("https://example.org/a?b=c#d");
  });
});

async function collect(chunks: AsyncIterable<string>): Promise<{ text: string; count: number }> {
  let text = "";
  let count = 0;
  for await (const chunk of chunks) {
    text += chunk;
    count++;
  }
  return { text, count };
}

async function* batchesOf(...batches: ExportedAnnotation[][]) {
  yield* batches;
}

describe("annotationCollectionChunks", () => {
  const info = { id: "http://localhost:3000/api/comparisons/c1/export?format=jsonld", label: "Barrier “failure”", generated: new Date("2026-01-01T00:00:00Z") };

  it("writes one collection whose page holds every annotation, with the total counted", async () => {
    const batches = [[exportedAnnotation({ id: "a" }), exportedAnnotation({ id: "b" })], [], [exportedAnnotation({ id: "c", claim })]];
    const { text, count } = await collect(annotationCollectionChunks(info, batchesOf(...batches), urls));
    expect(count).toBe(3);
    const collection = JSON.parse(text) as JsonObject & { first: { items: JsonObject[] } };
    expect(collection).toMatchObject({
      "@context": [ANNO_CONTEXT, { parallax: expect.any(String) }],
      id: info.id,
      type: "AnnotationCollection",
      label: "Barrier “failure”",
      total: 3,
      first: { id: `${info.id}#page-1`, type: "AnnotationPage", partOf: info.id, startIndex: 0 },
    });
    expect(collection.first.items.map((item) => item.id)).toEqual(["a", "b", "c"].map(urls.annotation));
    for (const item of collection.first.items) expect(mustFailures(item)).toEqual([]);
  });

  it("writes an empty collection without a page", async () => {
    const { text } = await collect(annotationCollectionChunks(info, batchesOf([]), urls));
    const collection = JSON.parse(text) as JsonObject;
    expect(collection.total).toBe(0);
    expect(collection).not.toHaveProperty("first");
  });
});

describe("curation state in JSON-LD", () => {
  it.each([
    ["an annotation curated in an accepted span", "accepted", "accepted"],
    ["an annotation whose span was rejected", "rejected", "rejected"],
    ["an annotation nobody curated", null, undefined],
  ] as const)("%s", (_name, curated, written) => {
    expect(toWebAnnotation(exportedAnnotation({ curated }), urls)["parallax:curated"]).toBe(written);
  });
});
