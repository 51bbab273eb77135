import { describe, expect, it } from "vitest";
import { codePointIndex } from "../text/code-points";
import type { ExportDocument } from "./documents";
import { AnnotationFileError } from "./read-web-annotations";
import { exportedAnnotation } from "./test-fixtures";
import type { ExportedAnnotation } from "./types";
import { escapeTsv, escapeTsvText, readWebAnnoTsv, toWebAnnoTsv, unescapeTsv, WEBANNO_LAYER, WEBANNO_RELATION_LAYER } from "./webanno-tsv";

// Astral characters before and inside spans: WebAnno counts them as two (UTF-16, as Java).
const TEXT = "I like it 😊 a lot.\n𝔘nion [1] holds_firm; a*b -> c.\n";
const index = codePointIndex(TEXT);

function on(words: string, overrides: Partial<ExportedAnnotation> = {}): ExportedAnnotation {
  const start = TEXT.indexOf(words);
  const end = start + words.length;
  return exportedAnnotation({ exact: words, start, end, codePoints: { start: index.toCodePoint(start), end: index.toCodePoint(end) }, ...overrides });
}

const annotations = [
  on("it 😊 a", {
    tags: [
      { name: "Loaded language", tagSet: "Framing devices" },
      { name: "Doubt", tagSet: "Persuasion techniques" },
    ],
    comment: "Line one\nline two | with a pipe",
    claim: { asserter: "QUOTED_PARTY", assertedBy: "someone", status: "SUPPORTED", evidence: ["https://example.org/a", "https://example.org/café"] },
  }),
  on("lot.\n𝔘nion", { tags: [{ name: "Labeling", tagSet: "Framing devices" }], comment: null, author: { id: "u2", name: "Zoë Ñúñez" } }),
];
const document: ExportDocument = { stem: "01-astral", title: "Astral", text: TEXT, annotations };

describe("toWebAnnoTsv", () => {
  it("writes the header, a sentence per line, UTF-16 offsets, and stacked spans with ids", () => {
    const lines = toWebAnnoTsv(document).split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "#FORMAT=WebAnno TSV 3.3",
      `#T_SP=${WEBANNO_LAYER}|assertedBy|author|claimAsserter|claimStatus|comment|evidence|tag|tagSet`,
      `#T_RL=${WEBANNO_RELATION_LAYER}|type|BT_${WEBANNO_LAYER}`,
      "",
      "",
      "#Text=I like it 😊 a lot.",
    ]);
    const comment = "Line one\\nline two \\| with a pipe";
    const evidence = "https://example.org/a https://example.org/caf%C3%A9";
    expect(lines[8]).toBe(
      `1-3\t7-9\tit\tsomeone[1]|someone[2]\tDana Demo[1]|Dana Demo[2]\tquoted party[1]|quoted party[2]\tsupported[1]|supported[2]\t${comment}[1]|${comment}[2]\t` +
        `${evidence}[1]|${evidence}[2]\tLoaded language[1]|Doubt[2]\tFraming devices[1]|Persuasion techniques[2]\t_\t_\t`,
    );
    expect(lines[9]).toMatch(/^1-4\t10-12\t😊\t/);
    const labeling = "*[3]\tZoë Ñúñez[3]\t*[3]\t*[3]\t*[3]\t*[3]\tLabeling[3]\tFraming devices[3]\t_\t_\t";
    // The sentence's text and the tokens as they are: INCEpTION escapes only backslashes,
    // tabs and line breaks there (values escape `[ ] | _ ; * ->` too).
    expect(lines.slice(11, 21)).toEqual([
      `1-6\t15-18\tlot\t${labeling}`,
      `1-7\t18-19\t.\t${labeling}`,
      "",
      "#Text=𝔘nion [1] holds_firm; a*b -> c.",
      `2-1\t20-26\t𝔘nion\t${labeling}`,
      `2-2\t27-28\t[\t${"_\t".repeat(10)}`,
      `2-3\t28-29\t1\t${"_\t".repeat(10)}`,
      `2-4\t29-30\t]\t${"_\t".repeat(10)}`,
      `2-5\t31-36\tholds\t${"_\t".repeat(10)}`,
      `2-6\t36-37\t_\t${"_\t".repeat(10)}`,
    ]);
    expect(lines.at(-1)).toBe("");
  });

  it("reads back the same words, tags, authors, comments and claims (the round trip)", () => {
    const doc = readWebAnnoTsv({ stem: "01-astral", name: "01-astral.tsv", tsv: toWebAnnoTsv(document), annotator: null });
    expect(doc.skipped).toEqual([]);
    expect(doc.text).toBe(TEXT.trimEnd());
    expect(doc.annotations.map((a) => ({ tags: a.tags, creator: a.creator, comment: a.comment, claim: a.claim, links: a.links, quote: a.targets[0]!.quote!.exact, position: a.targets[0]!.position }))).toEqual([
      {
        tags: annotations[0]!.tags,
        creator: { id: null, name: "Dana Demo" },
        comment: annotations[0]!.comment,
        claim: { status: "SUPPORTED", asserter: "QUOTED_PARTY", assertedBy: "someone" },
        links: ["https://example.org/a", "https://example.org/caf%C3%A9"],
        quote: "it 😊 a",
        position: annotations[0]!.codePoints,
      },
      { tags: annotations[1]!.tags, creator: { id: null, name: "Zoë Ñúñez" }, comment: null, claim: null, links: [], quote: "lot.\n𝔘nion", position: annotations[1]!.codePoints },
    ]);
  });

  it("writes a relation on the first token it points to, naming where it starts as INCEpTION does, and reads it back", () => {
    const [from, to] = [on("it 😊 a", { id: "a1", tags: annotations[0]!.tags }), on("𝔘nion", { id: "a2", tags: [{ name: "Doubt", tagSet: "P" }] })];
    from.links = [{ direction: "to", type: "Same | as", annotationId: "a2" }];
    to.links = [{ direction: "from", type: "Same | as", annotationId: "a1" }];
    const tsv = toWebAnnoTsv({ stem: "01-r", title: "R", text: TEXT, annotations: [from, to] });
    expect(tsv.split("\n").find((l) => l.startsWith("2-1\t"))).toMatch(/\tSame \\\| as\t1-3\[1_0\]\t$/);
    const doc = readWebAnnoTsv({ stem: "01-r", name: "r.tsv", tsv, annotator: "anna" });
    expect(doc.skipped).toEqual([]);
    const [first, second, link] = doc.annotations;
    expect(second!.targets[0]!.position).toEqual({ start: index.toCodePoint(TEXT.indexOf("𝔘nion")), end: index.toCodePoint(TEXT.indexOf("𝔘nion")) + 5 });
    expect(link).toMatchObject({ tags: [], creator: { name: "anna" }, relation: { from: first!.id, to: second!.id, type: "Same | as", key: null } });
  });

  it("reads a relation between spans on one token without ids (`0`), and skips one whose end is not a span", () => {
    const tsv = [
      "#FORMAT=WebAnno TSV 3.3",
      `#T_SP=${WEBANNO_LAYER}|tag`,
      `#T_RL=${WEBANNO_RELATION_LAYER}|type|BT_${WEBANNO_LAYER}`,
      "",
      "",
      "#Text=😊 Alpha beta gamma",
      "1-1\t0-2\t😊\t_\t_\t_",
      "1-2\t3-8\tAlpha\tA\t_\t_",
      "1-3\t9-13\tbeta\tB\tCause\t1-2",
      "1-4\t14-19\tgamma\t_\tCause\t1-1",
      "",
    ].join("\n");
    const doc = readWebAnnoTsv({ stem: "z", name: "z.tsv", tsv, annotator: null });
    const [alpha, beta, link] = doc.annotations;
    expect(link!.relation).toEqual({ from: alpha!.id, to: beta!.id, type: "Cause", key: null });
    expect(doc.skipped).toEqual([{ where: "z.tsv:10", reason: `a relation “Cause” whose ends are not both labelled spans of ${WEBANNO_LAYER}` }]);
  });

  it.each([
    ["two spans on one token each, without ids: a bare token", "Alpha", "beta", "1-1"],
    ["from a span over two tokens (an id) to one without: `[n_0]`", "Alpha beta", "gamma", "1-1[1_0]"],
    ["from a span without an id to one over two tokens: `[0_n]`", "gamma", "Alpha beta", "1-3[0_1]"],
  ])("writes a relation reference as INCEpTION does: %s", (_name, from, to, governor) => {
    const text = "Alpha beta gamma";
    const span = (words: string, id: string) => {
      const start = text.indexOf(words);
      return exportedAnnotation({ id, exact: words, start, end: start + words.length, codePoints: { start, end: start + words.length }, tags: [{ name: "T", tagSet: "S" }] });
    };
    const [a, b] = [span(from, "a"), span(to, "b")];
    a.links = [{ direction: "to", type: "", annotationId: "b" }];
    const tsv = toWebAnnoTsv({ stem: "r", title: "R", text, annotations: [a, b] });
    const dependent = tsv.split("\n").find((l) => l.startsWith(`1-${text.slice(0, text.indexOf(to)).split(" ").length}\t`))!;
    expect(dependent.split("\t").slice(-3)).toEqual(["*", governor, ""]);
  });

  it.each([
    ["a*b [1] x_y; p|q -> r", "a*b [1] x_y; p|q -> r"],
    ["back\\slash\ttab", "back\\\\slash\\ttab"],
    ["bell\u0007 and vertical\u000b tab", "bell\\\u0007 and vertical\u000b tab"],
  ])("escapes a sentence's text as INCEpTION does: %j", (text, escaped) => {
    expect(escapeTsvText(text)).toBe(escaped);
    expect(unescapeTsv(escaped)).toBe(text);
  });

  it.each([["a|b"], ["back\\slash"], ["_"], ["*"], ["x -> y"], ["[3]"], ["tab\there"], ["a;b"]])("escapes and unescapes %j", (value) => {
    expect(unescapeTsv(escapeTsv(value))).toBe(value);
    expect(escapeTsv(value)).not.toMatch(/\t|(^|[^\\])\|/);
  });
});

describe("readWebAnnoTsv", () => {
  // As INCEpTION writes them: a named-entity layer (a multi-token span with an id, two spans
  // stacked on one token), a relation layer over it, a sub-token line and a sentence over two lines.
  const inception = [
    "#FORMAT=WebAnno TSV 3.3",
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value",
    "#T_RL=webanno.custom.Link|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity",
    "",
    "",
    "#Text=Ms. Haag plays",
    "#Text=Elsa 😊.",
    "1-1\t0-3\tMs.\t*[1]\tPER[1]\t_\t_\t",
    "1-2\t4-8\tHaag\t*[1]|_\tPER[1]|LASTNAME\t_\t_\t",
    "1-2.1\t4-6\tHa\t_\t_\t_\t_\t",
    "1-3\t9-14\tplays\t_\t_\t_\t_\t",
    "1-4\t15-19\tElsa\t*\tPER\tknows\t1-2\t",
    "1-5\t20-22\t😊\t_\t_\t_\t_\t",
    "1-6\t22-23\t.\t_\t_\t_\t_\t",
    "",
  ].join("\n");

  it("reads any span layer's label as a tag, the annotator from the file's place, and skips relations", () => {
    const doc = readWebAnnoTsv({ stem: "story", name: "annotation/story.txt/anna.tsv", tsv: inception, annotator: "anna" });
    expect(doc.text).toBe("Ms. Haag plays\nElsa 😊.");
    expect(doc.annotations.map((a) => [a.targets[0]!.quote!.exact, a.tags, a.creator?.name])).toEqual([
      ["Ms. Haag", [{ name: "PER", tagSet: "NamedEntity" }], "anna"],
      ["Haag", [{ name: "LASTNAME", tagSet: "NamedEntity" }], "anna"],
      ["Elsa", [{ name: "PER", tagSet: "NamedEntity" }], "anna"],
    ]);
    expect(doc.skipped).toEqual([{ where: "annotation/story.txt/anna.tsv:12", reason: `a relation (webanno.custom.Link) “knows”: only Parallax's own relation layer (${WEBANNO_RELATION_LAYER}) is imported` }]);
  });

  it("imports a file laid out exactly as INCEpTION writes one: stacked and multi-token spans, stacked relations, ids only where needed, tokens as they are", () => {
    // Written by hand after INCEpTION's TSV 3.3 test suite (inception-io-webanno-tsv,
    // src/test/resources/tsv3-suite): a tab after the last column; relations on the first
    // token of their dependent, the governor's first token with both ids (`0` for a span
    // without one) or bare; `*` for a relation without a value; the text's backslash escaped
    // in `#Text=` but not in the token.
    const tsv = [
      "#FORMAT=WebAnno TSV 3.3",
      `#T_SP=${WEBANNO_LAYER}|tag`,
      `#T_RL=${WEBANNO_RELATION_LAYER}|type|BT_${WEBANNO_LAYER}`,
      "",
      "",
      "#Text=Rain_fall 😊 soaks the c:\\\\mill town .",
      "1-1\t0-9\tRain_fall\tWeather[1]|Cause[2]\t_\t_\t",
      "1-2\t10-12\t😊\tMood\tfelt by\t1-3[3_0]\t",
      "1-3\t13-18\tsoaks\tEffect[3]\tcauses|*\t1-1[2_3]|1-1[1_3]\t",
      "1-4\t19-22\tthe\tEffect[3]\t_\t_\t",
      "1-5\t23-30\tc:\\mill\t_\t_\t_\t",
      "1-6\t31-35\ttown\tPlace\tnear\t1-2\t",
      "1-7\t36-37\t.\t_\t_\t_\t",
      "",
      "#Text=It ends .",
      "2-1\t38-40\tIt\t_\t_\t_\t",
      "2-2\t41-45\tends\t_\t_\t_\t",
      "2-3\t46-47\t.\t_\t_\t_\t",
      "",
    ].join("\n");
    const doc = readWebAnnoTsv({ stem: "rain", name: "annotation/rain.txt/anna.tsv", tsv, annotator: "anna" });
    expect(doc.text).toBe("Rain_fall 😊 soaks the c:\\mill town .\nIt ends .");
    const quoteOf = new Map(doc.annotations.filter((a) => !a.relation).map((a) => [a.id, a.targets[0]!.quote!.exact]));
    expect(doc.annotations.filter((a) => !a.relation).map((a) => [a.targets[0]!.quote!.exact, a.tags.map((t) => t.name)])).toEqual([
      ["Rain_fall", ["Weather", "Cause"]],
      ["😊", ["Mood"]],
      ["soaks the", ["Effect"]],
      ["town", ["Place"]],
    ]);
    expect(doc.annotations.filter((a) => a.relation).map((a) => [quoteOf.get(a.relation!.from), a.relation!.type, quoteOf.get(a.relation!.to)])).toEqual([
      ["soaks the", "felt by", "😊"],
      ["Rain_fall", "causes", "soaks the"],
      ["😊", "near", "town"],
    ]);
    expect(doc.skipped).toEqual([{ where: "annotation/rain.txt/anna.tsv:9", reason: "a relation with no type" }]);
  });

  it.each([
    ["no format line", "#T_SP=x|value\n", "f.tsv:1"],
    ["too few columns", "#FORMAT=WebAnno TSV 3.3\n#T_SP=x|value\n\n\n#Text=Hi\n1-1\t0-2\tHi\n", "f.tsv:6"],
    ["offsets that do not fit the token", "#FORMAT=WebAnno TSV 3.3\n#T_SP=x|value\n\n\n#Text=Hi\n1-1\t0-5\tHi\t_\n", "f.tsv:6"],
    ["a token line without offsets", "#FORMAT=WebAnno TSV 3.3\n#T_SP=x|value\n\n\n#Text=Hi\n1-1\tHi\t_\t_\n", "f.tsv:6"],
  ])("refuses %s, saying where", (_name, tsv, where) => {
    let error: unknown;
    try {
      readWebAnnoTsv({ stem: "f", name: "f.tsv", tsv, annotator: null });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AnnotationFileError);
    expect((error as AnnotationFileError).where).toBe(where);
  });
});
