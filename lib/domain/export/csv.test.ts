import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvChunks, csvField, csvRow } from "./csv";
import { exportedAnnotation, parseCsv } from "./test-fixtures";
import type { ExportedAnnotation } from "./types";

async function csvOf(batches: ExportedAnnotation[][]): Promise<string> {
  async function* source() {
    yield* batches;
  }
  let text = "";
  for await (const chunk of csvChunks(source())) text += chunk;
  return text;
}

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ['"', '""""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
    ["crlf\r\ninside", '"crlf\r\ninside"'],
    ["  spaces kept  ", "  spaces kept  "],
    ["Ünïcödé — “quotes” and emoji 🌊", "Ünïcödé — “quotes” and emoji 🌊"],
  ])("writes %j as %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ["=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\""],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "\"'\r=1\""],
  ])("neutralises the formula-like %j with a leading apostrophe", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("leaves formula characters alone when they are not first", () => {
    expect(csvField("a=b+c-d@e")).toBe("a=b+c-d@e");
  });
});

describe("csvChunks", () => {
  it("starts with a byte order mark and the documented header, ends every row with CRLF", async () => {
    const text = await csvOf([[exportedAnnotation()]]);
    expect(text.startsWith("\uFEFFannotation_id,source_title,outlet,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(2);
  });

  it("fills every column of an annotation with a claim", async () => {
    const annotation = exportedAnnotation({
      tags: [
        { name: "Attribution", tagSet: "Framing devices" },
        { name: "Loaded language", tagSet: "Persuasion techniques" },
      ],
      claim: {
        asserter: "QUOTED_PARTY",
        assertedBy: "the port authority",
        status: "DISPUTED",
        evidence: ["https://a.example/1", "https://b.example/2"],
      },
      anchor: { status: "FUZZY", score: 0.8 },
      links: [
        { direction: "to", type: "has evidence", annotationId: "ann2" },
        { direction: "from", type: "contradicts", annotationId: "ann3" },
        { direction: "to", type: "same as", annotationId: "ann4" },
      ],
      curated: "accepted",
    });
    const [header, row] = parseCsv((await csvOf([[annotation]])).slice(1));
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toEqual({
      annotation_id: "ann1",
      source_title: "Barrier fails",
      outlet: "Harbor Ledger",
      source_url: "https://ledger.example/barrier",
      source_revision: "1",
      quote: "the gate jammed",
      start: "15",
      end: "30",
      tags: "Attribution; Loaded language",
      tag_sets: "Framing devices; Persuasion techniques",
      comment: "Sourced to witnesses only.",
      claim: "yes",
      claim_asserter: "quoted party",
      asserted_by: "the port authority",
      claim_status: "disputed",
      evidence_urls: "https://a.example/1; https://b.example/2",
      author: "Dana Demo",
      created: "2025-10-14T08:00:00.000Z",
      modified: "2025-10-14T09:30:00.000Z",
      anchor_status: "fuzzy",
      links_to: "has evidence: ann2; same as: ann4",
      linked_from: "contradicts: ann3",
      curated: "accepted",
    });
  });

  it("leaves the claim cells empty (and says no) when the annotation is not a claim", async () => {
    const [header, row] = parseCsv((await csvOf([[exportedAnnotation({ comment: null, source: { id: "s", title: "T", outlet: null, url: null } })]])).slice(1));
    const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(record).toMatchObject({ claim: "no", claim_asserter: "", asserted_by: "", claim_status: "", evidence_urls: "", comment: "", outlet: "", source_url: "" });
  });

  it("reads tricky values back exactly, apart from the apostrophe before formulas", async () => {
    const tricky = [
      'He said "enough", then left.',
      "two\nlines",
      "windows\r\nline",
      "trailing comma,",
      "Ünïcödé — ‘single’ “double” 🌊 العربية",
      "=1+1",
      "-minus first",
    ];
    const annotations = tricky.map((text, i) => exportedAnnotation({ id: `a${i}`, exact: text, comment: text, author: { id: "u", name: text } }));
    const rows = parseCsv((await csvOf([annotations.slice(0, 3), [], annotations.slice(3)])).slice(1));
    expect(rows).toHaveLength(tricky.length + 1);
    const quote = CSV_COLUMNS.findIndex((c) => c.header === "quote");
    const author = CSV_COLUMNS.findIndex((c) => c.header === "author");
    expect(rows.slice(1).map((r) => r[quote])).toEqual(tricky.map((t) => (/^[=+\-@]/.test(t) ? `'${t}` : t)));
    expect(rows.slice(1).map((r) => r[author])).toEqual(rows.slice(1).map((r) => r[quote]));
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it("writes one chunk per non-empty batch after the header", async () => {
    async function* batches() {
      yield [exportedAnnotation({ id: "x" }), exportedAnnotation({ id: "y" })];
      yield [];
      yield [exportedAnnotation({ id: "z" })];
    }
    const chunks: string[] = [];
    for await (const chunk of csvChunks(batches())) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(chunks[1]).toBe(csvRow(exportedAnnotation({ id: "x" })) + csvRow(exportedAnnotation({ id: "y" })));
  });
});
