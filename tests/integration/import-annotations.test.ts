import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvRecords } from "@/lib/domain/export/test-fixtures";
import { asUri } from "@/lib/domain/export/web-annotation";
import { exportToFile } from "@/lib/server/cli/export-to-file";
import { importAnnotationsFile } from "@/lib/server/cli/import-annotations-file";
import { importFolder } from "@/lib/server/cli/import-folder";
import { IMPORTED_TAG_SET, importAnnotations } from "@/lib/server/export/import-annotations";
import { mustFailures } from "@/tests/helpers/w3c-annotation-model";
import { CORPUS, corpusComparison } from "./helpers/corpus-comparison";
import { addMember, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-export-"));
  folders.push(dir);
  return dir;
}

interface Item {
  id: string;
  created: string;
  modified: string;
  creator: { name: string };
  body: { purpose: string; value?: string; source?: string; [key: string]: unknown }[];
  target: { source: { [key: string]: unknown }; selector: unknown[] };
}

/**
 * What the round trip keeps: everything but the ids (of the annotation, its source and its
 * author), which belong to the comparison the annotation is in.
 */
function normalised(item: Item) {
  const { source } = item.target;
  return {
    created: item.created,
    modified: item.modified,
    author: item.creator.name,
    body: item.body,
    source: { title: source["dcterms:title"], outlet: source["schema:publisher"], via: source.via },
    selector: item.target.selector,
  };
}

async function exportAs(dir: string, name: string, workspace: string, comparison: string, format: "jsonld" | "csv" | "md") {
  const out = path.join(dir, `${name}.${format}`);
  await exportToFile({ workspace, comparison, format, out });
  return readFile(out, "utf8");
}

describe("round trip", () => {
  it("export → import into a new comparison of the same sources → export gives the same annotations", async () => {
    const fixture = await corpusComparison(db);
    const dir = await tempDir();
    const first = await exportAs(dir, "first", fixture.workspace.slug, fixture.comparison.slug, "jsonld");

    const copy = await importFolder({ folder: CORPUS, workspace: fixture.workspace.slug });
    if (!copy.saved) throw new Error(`The corpus import failed: ${JSON.stringify(copy.lines)}`);
    const report = await importAnnotationsFile({ file: path.join(dir, "first.jsonld"), workspace: fixture.workspace.slug, comparison: copy.comparison });
    expect(report).toMatchObject({ exact: fixture.annotations.length, fuzzy: 0, orphaned: 0, skipped: [], newTags: [], reassigned: [] });

    const second = await exportAs(dir, "second", fixture.workspace.slug, copy.comparison, "jsonld");
    const items = (text: string) => (JSON.parse(text) as { first: { items: Item[] } }).first.items;
    // Annotations on the same words come in id order, and ids differ between comparisons.
    const sorted = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort();
    expect(sorted(items(second).map(normalised))).toEqual(sorted(items(first).map(normalised)));
    for (const item of items(second)) expect(mustFailures(item)).toEqual([]);

    // Links come back in their URI form (see docs/export.md): the same address, percent-encoded.
    const rows = async (comparison: string) =>
      csvRecords(await exportAs(dir, comparison, fixture.workspace.slug, comparison, "csv")).map(({ annotation_id: _, ...row }) => ({
        ...row,
        evidence_urls: row.evidence_urls!.split("; ").filter(Boolean).map(asUri).join("; "),
      }));
    expect(sorted(await rows(copy.comparison))).toEqual(sorted(await rows(fixture.comparison.slug)));

    const again = await importAnnotationsFile({ file: path.join(dir, "first.jsonld"), workspace: fixture.workspace.slug, comparison: copy.comparison });
    expect(again).toMatchObject({ exact: 0, fuzzy: 0, orphaned: 0 });
    expect(again.skipped.map((s) => s.reason)).toEqual(fixture.annotations.map(() => expect.stringMatching(/already in the comparison/)));
  });
});

describe("importing annotations", () => {
  const tagging = (value: string, tagSet?: string) => ({ type: "TextualBody", purpose: "tagging", value, ...(tagSet ? { "parallax:tagSet": tagSet } : {}) });
  const quote = (exact: string, extra: Record<string, unknown> = {}) => ({ source: "https://elsewhere.example/page", selector: { type: "TextQuoteSelector", exact }, ...extra });

  it("places another tool's annotations by their quotes, creates missing tags, and reports what it skipped", async () => {
    const fixture = await corpusComparison(db);
    const [one, two] = fixture.sources;
    const words = (text: string, from: number, count: number) => {
      const all = [...text.matchAll(/\S+/g)];
      return text.slice(all[from]!.index, all[from + count - 1]!.index + all[from + count - 1]![0].length);
    };
    const before = await db().annotation.count({ where: { comparisonId: fixture.comparison.id } });
    const file = {
      type: "AnnotationPage",
      items: [
        { type: "Annotation", creator: { name: "Zoë Ñúñez" }, body: [tagging("euphemism"), { type: "TextualBody", value: "From another tool." }], target: quote(words(one!.text, 50, 6)) },
        { type: "Annotation", motivation: "tagging", body: { value: "Hedging" }, creator: "https://elsewhere.example/users/42", target: quote(words(two!.text, 12, 5)) },
        { type: "Annotation", body: tagging("Sourcing", "Newsroom checks"), target: { source: { id: "urn:x", "dcterms:title": one!.title }, selector: { type: "TextQuoteSelector", exact: "words that this article never contains at all" } } },
        { type: "Annotation", bodyValue: "No tags here.", target: quote(words(one!.text, 60, 4)) },
        { type: "Annotation", body: tagging("Euphemism"), target: "https://elsewhere.example/whole-document" },
        { type: "Annotation", body: tagging("Euphemism"), target: quote("a sentence found in none of the five corpus articles whatsoever") },
      ],
    };
    const report = await importAnnotations(fixture.owner, fixture.comparison.id, file);
    expect(report).toMatchObject({ exact: 2, fuzzy: 0, orphaned: 1 });
    expect(report.skipped.map((s) => s.where)).toEqual(["$.items[3]", "$.items[4].target", "$.items[5].target"]);
    expect(report.newTags).toEqual([
      { name: "Hedging", tagSet: IMPORTED_TAG_SET },
      { name: "Sourcing", tagSet: "Newsroom checks" },
    ]);
    expect(report.reassigned).toEqual([{ where: "$.items[1]", creator: "https://elsewhere.example/users/42" }]);

    const created = await db().annotation.findMany({
      where: { comparisonId: fixture.comparison.id },
      orderBy: { createdAt: "asc" },
      skip: before,
      include: { author: true, tags: { include: { tag: { include: { tagSet: true } } } } },
    });
    expect(created.map((a) => [a.author.name, a.anchorStatus, a.tags.map((t) => `${t.tag.tagSet.name}: ${t.tag.name}`)])).toEqual([
      ["Zoë Ñúñez", "EXACT", ["Framing devices: Euphemism"]],
      ["Corpus Editor", "EXACT", [`${IMPORTED_TAG_SET}: Hedging`]],
      ["Corpus Editor", "ORPHANED", ["Newsroom checks: Sourcing"]],
    ]);
    expect(created[0]!.comment).toBe("From another tool.");
    expect(created[0]!.sourceId).toBe(one!.id);
    expect(created[2]!.sourceId).toBe(one!.id);
  });

  it("saves nothing from a malformed file and says where it is wrong", async () => {
    const fixture = await corpusComparison(db);
    const count = () => db().annotation.count({ where: { comparisonId: fixture.comparison.id } });
    const before = await count();
    const good = { type: "Annotation", body: tagging("Euphemism"), target: quote(fixture.sources[0]!.text.slice(0, 30)) };
    const cases: [unknown, RegExp][] = [
      [{ type: "AnnotationCollection", first: { type: "AnnotationPage", items: [good, { type: "Annotation", body: tagging("Euphemism") }] } }, /^\$\.first\.items\[1\]: an annotation must have a target/],
      [[good, { ...good, body: [tagging("Euphemism"), { value: "x".repeat(6000), purpose: "commenting" }] }], /^\$\[1\]: Keep the comment under 5,000 characters/],
      [[good, { ...good, body: [tagging("Euphemism"), { value: "claim", purpose: "assessing", "parallax:claimStatus": "supported" }, "ftp://not.example/evidence"] }], /^\$\[1\]: the claim: Evidence links must be web addresses/],
      [{ hello: "world" }, /^\$: expected an Annotation/],
    ];
    for (const [file, message] of cases) {
      await expect(importAnnotations(fixture.owner, fixture.comparison.id, file)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(message) });
    }
    expect(await count()).toBe(before);

    const dir = await tempDir();
    await writeFile(path.join(dir, "broken.jsonld"), '{"type": "Annotation", ');
    await expect(importAnnotationsFile({ file: path.join(dir, "broken.jsonld"), workspace: fixture.workspace.slug, comparison: fixture.comparison.slug })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^broken\.jsonld is not valid JSON/),
    });
  });

  it("lets reviewers import into the existing taxonomy only, and viewers not at all", async () => {
    const fixture = await corpusComparison(db);
    const text = fixture.sources[1]!.text;
    const file = [{ type: "Annotation", body: [tagging("Euphemism"), tagging("Brand new tag")], target: quote(text.slice(0, 40)) }];
    await expect(importAnnotations(fixture.reviewer, fixture.comparison.id, file)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("“Brand new tag”") });
    const viewer = await signUp("Import Viewer");
    await addMember(fixture.owner, fixture.workspace.slug, { email: viewer.email, role: "VIEWER" });
    await expect(importAnnotations(viewer, fixture.comparison.id, file)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await signUp("Import Outsider");
    await expect(importAnnotations(outsider, fixture.comparison.id, file)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await importAnnotations(fixture.reviewer, fixture.comparison.id, [{ ...file[0], body: tagging("Euphemism") }])).toMatchObject({ exact: 1 });
  });
});

describe("exporting to a file", () => {
  it("leaves no partial file and keeps an earlier export when it fails", async () => {
    const fixture = await corpusComparison(db);
    const dir = await tempDir();
    const out = path.join(dir, "story.csv");
    await writeFile(out, "earlier export");
    await expect(exportToFile({ workspace: fixture.workspace.slug, comparison: fixture.comparison.slug, format: "xlsx", out })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(exportToFile({ workspace: fixture.workspace.slug, comparison: "no-such-story", format: "csv", out })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportToFile({ workspace: fixture.workspace.slug, comparison: fixture.comparison.slug, format: "csv", out: path.join(dir, "missing-folder", "x.csv") })).rejects.toThrow();
    expect(await readFile(out, "utf8")).toBe("earlier export");
    expect(await readdir(dir)).toEqual(["story.csv"]);
    await exportToFile({ workspace: fixture.workspace.slug, comparison: fixture.comparison.slug, format: "csv", out });
    expect(csvRecords(await readFile(out, "utf8"))).toHaveLength(fixture.annotations.length);
    expect(await readdir(dir)).toEqual(["story.csv"]);
  });

  it("writes the report as Markdown and as a PDF", async () => {
    const fixture = await corpusComparison(db);
    const dir = await tempDir();
    const markdown = await exportAs(dir, "report", fixture.workspace.slug, fixture.comparison.slug, "md");
    for (const source of fixture.sources) expect(markdown).toContain(source.outlet);
    await exportToFile({ workspace: fixture.workspace.slug, comparison: fixture.comparison.slug, format: "pdf", out: path.join(dir, "report.pdf") });
    expect((await readFile(path.join(dir, "report.pdf"))).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
