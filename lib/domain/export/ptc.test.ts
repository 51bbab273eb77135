import { describe, expect, it } from "vitest";
import { annotationFileRefusal as refusal, ASTRAL_QUOTE as quote, ASTRAL_TEXT, documentSpan, labelledDocument } from "./corpus-test-fixtures";
import { readPtc, writePtc } from "./ptc";

const at = ASTRAL_TEXT.indexOf(quote);
/** The quote's code-point offset: one astral character (🌊) comes before it, so one less than in UTF-16. */
const cpStart = [...ASTRAL_TEXT.slice(0, at)].length;

const folder = (labels: string) => [
  { name: "article111111111.txt", content: ASTRAL_TEXT },
  { name: "article111111111.labels.tsv", content: labels },
];

describe("readPtc", () => {
  it("reads code-point offsets after astral characters as UTF-16 spans", () => {
    const { documents } = readPtc(folder(`111111111\tLoaded_Language\t${cpStart}\t${cpStart + 9}\n`));
    expect(cpStart).toBe(at - 1);
    const [span] = documents[0]!.spans;
    expect(ASTRAL_TEXT.slice(span!.start, span!.end)).toBe(quote);
    expect(span!.tags).toEqual([{ name: "Loaded language", group: "Persuasion techniques" }]);
    expect(documents[0]!.name).toBe("111111111");
  });

  it("reads a merged class as all of its tags", () => {
    const { documents } = readPtc(folder(`111111111\tBandwagon,Reductio_ad_hitlerum\t0\t5\n`));
    expect(documents[0]!.spans[0]!.tags.map((t) => t.name)).toEqual(["Bandwagon", "Reductio ad hitlerum"]);
  });

  it("skips other files and labels without their article, and reads an article without labels", () => {
    const { documents, skipped } = readPtc([
      { name: "article1.txt", content: "Text one." },
      { name: "article2.labels.tsv", content: "2\tDoubt\t0\t3\n" },
      { name: "README.md", content: "about" },
    ]);
    expect(documents.map((d) => [d.name, d.spans.length])).toEqual([["1", 0]]);
    expect(skipped).toEqual([
      { where: "README.md", reason: "not an article<ID>.txt or article<ID>.labels.tsv file" },
      { where: "article2.labels.tsv", reason: "there is no article2.txt for its labels" },
    ]);
  });

  it.each([
    ["an unknown technique, naming the line", "111111111\tDoubt\t0\t4\n111111111\tPropaganda\t0\t4\n", "article111111111.labels.tsv:2", /unknown technique \(article111111111\.labels\.tsv:2: “Propaganda”\)/],
    ["three fields", "111111111\tDoubt\t0\n", "article111111111.labels.tsv:1", /four tab-separated fields/],
    ["another article's id", "222\tDoubt\t0\t4\n", "article111111111.labels.tsv:1", /names article 222/],
    ["an end past the text (in code points)", `111111111\tDoubt\t0\t${[...ASTRAL_TEXT].length + 1}\n`, "article111111111.labels.tsv:1", /does not fit the text \(\d+ code points/],
    ["a backwards span", "111111111\tDoubt\t5\t2\n", "article111111111.labels.tsv:1", /start must be before end/],
    ["offsets that are not numbers", "111111111\tDoubt\tfive\t9\n", "article111111111.labels.tsv:1", /whole numbers/],
  ])("refuses %s", (_name, labels, where, message) => {
    const problem = refusal(() => readPtc(folder(labels)));
    expect(problem.where).toBe(where);
    expect(problem.message).toMatch(message);
  });

  it("lists every unknown technique in one refusal", () => {
    const problem = refusal(() => readPtc(folder("111111111\tA\t0\t4\n111111111\tDoubt\t0\t4\n111111111\tB\t1\t4\n")));
    expect(problem.message).toContain("article111111111.labels.tsv:1: “A”; article111111111.labels.tsv:3: “B”");
  });
});

describe("writePtc", () => {
  it("writes code points, one line per technique, and reads back to the same spans", () => {
    const doc = labelledDocument([
      documentSpan(),
      documentSpan({ id: "ann2", start: 0, end: 5, tags: [{ name: "Straw man", tagSet: "Persuasion techniques" }, { name: "Red herring", tagSet: "Persuasion techniques" }, { name: "Doubt", tagSet: "Persuasion techniques" }] }),
      documentSpan({ id: "ann3", tags: [{ name: "Labeling", tagSet: "Framing devices" }] }),
    ]);
    const { files, leftOut } = writePtc([doc]);
    expect(files.map((f) => f.name)).toEqual(["article111111111.txt", "article111111111.labels.tsv"]);
    expect(files[1]!.content).toBe(
      `111111111\tLoaded_Language\t${cpStart}\t${cpStart + 9}\n111111111\tWhataboutism,Straw_Men,Red_Herring\t0\t5\n111111111\tDoubt\t0\t5\n`,
    );
    expect(leftOut).toBe(1);
    const back = readPtc(files).documents[0]!;
    expect(back.text).toBe(ASTRAL_TEXT);
    expect(back.spans.map((s) => [s.start, s.end, s.tags.map((t) => t.name)])).toEqual([
      [doc.spans[0]!.start, doc.spans[0]!.end, ["Loaded language"]],
      [0, 5, ["Whataboutism", "Straw man", "Red herring"]],
      [0, 5, ["Doubt"]],
    ]);
  });
});
