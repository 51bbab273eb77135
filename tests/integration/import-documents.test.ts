import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { csvRecords } from "@/lib/domain/export/test-fixtures";
import { asUri } from "@/lib/domain/export/web-annotation";
import { runImportDocuments } from "@/lib/server/cli/documents";
import { exportToFile } from "@/lib/server/cli/export-to-file";
import { importFolder } from "@/lib/server/cli/import-folder";
import { exportComparison } from "@/lib/server/export/export-comparison";
import { exportDocuments } from "@/lib/server/export/export-documents";
import { importDocumentFiles } from "@/lib/server/export/import-document-files";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { createRelation } from "@/lib/server/services/relations/create-relation";
import { createRelationType } from "@/lib/server/services/relations/create-relation-type";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { CORPUS, corpusComparison } from "./helpers/corpus-comparison";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-documents-"));
  folders.push(dir);
  return dir;
}

async function zipOf(actor: Parameters<typeof exportComparison>[0], comparisonId: string, format: "brat" | "webanno") {
  const file = await exportComparison(actor, comparisonId, format, { origin: "http://localhost:3000" });
  return { filename: file.filename, bytes: new Uint8Array(await new Response(file.body).arrayBuffer()) };
}

/**
 * The annotations as the CSV has them, less what the format cannot carry: authors (brat),
 * and spaces at either end of a span (WebAnno TSV spans cover whole tokens).
 */
async function csvRows(workspace: string, comparison: string, dir: string, { keepAuthor, trim }: { keepAuthor: boolean; trim: boolean }) {
  const out = path.join(dir, `${comparison}.csv`);
  await exportToFile({ workspace, comparison, format: "csv", out });
  const spaces = (quote: string) => (trim ? { before: quote.length - quote.trimStart().length, after: quote.length - quote.trimEnd().length } : { before: 0, after: 0 });
  return csvRecords(await readFile(out, "utf8"))
    .map((row) => ({
      source: row.source_title,
      quote: trim ? row.quote!.trim() : row.quote,
      start: Number(row.start) + spaces(row.quote!).before,
      end: Number(row.end) - spaces(row.quote!).after,
      tags: row.tags,
      tagSets: row.tag_sets,
      comment: row.comment,
      claim: [row.claim, row.claim_asserter, row.asserted_by, row.claim_status].join(" / "),
      evidence: row.evidence_urls!.split("; ").filter(Boolean).map(asUri).join("; "),
      ...(keepAuthor ? { author: row.author } : {}),
    }))
    .map((row) => JSON.stringify(row))
    .sort();
}

describe.each([
  { format: "brat" as const, files: [".txt", ".ann"], kept: { keepAuthor: false, trim: false } },
  { format: "webanno" as const, files: [".tsv"], kept: { keepAuthor: true, trim: true } },
])("$format", ({ format, files, kept }) => {
  it("export → import into a new comparison of the same sources gives the same annotations", async () => {
    const fixture = await corpusComparison(db);
    const workspace = fixture.workspace.slug;
    const dir = await tempDir();

    const folder = path.join(dir, "export");
    await exportToFile({ workspace, comparison: fixture.comparison.slug, format, out: folder });
    const written = await readdir(folder);
    for (const ext of files) expect(written.filter((name) => name.endsWith(ext))).toHaveLength(fixture.sources.length);
    if (format === "brat") expect(written).toEqual(expect.arrayContaining(["annotation.conf", "visual.conf"]));

    const zip = await zipOf(fixture.owner, fixture.comparison.id, format);
    expect(zip.filename).toBe(`${fixture.comparison.slug}-${format}.zip`);
    expect(Object.keys(unzipSync(zip.bytes)).sort()).toEqual(written.map((name) => `${fixture.comparison.slug}/${name}`).sort());

    const copy = await importFolder({ folder: CORPUS, workspace });
    if (!copy.saved) throw new Error(`The corpus import failed: ${JSON.stringify(copy.lines)}`);
    const target = await db().comparison.findFirstOrThrow({ where: { slug: copy.comparison, workspace: { slug: workspace } }, select: { id: true } });
    const report = await importDocumentFiles(fixture.owner, target.id, format, [{ path: zip.filename, bytes: zip.bytes }]);
    expect(report).toMatchObject({ exact: fixture.annotations.length, fuzzy: 0, orphaned: 0, skipped: [], newTags: [], reassigned: [] });
    expect(report.documents.map((d) => d.by)).toEqual(fixture.sources.map(() => "text"));

    expect(await csvRows(workspace, copy.comparison, dir, kept)).toEqual(await csvRows(workspace, fixture.comparison.slug, dir, kept));

    // The CLI reads the exported folder; everything in it is there already.
    const code = await runImportDocuments([folder, "--format", format, "--workspace", workspace, "--comparison", copy.comparison]);
    expect(code).toBe(0);
    expect(await db().annotation.count({ where: { comparisonId: target.id } })).toBe(fixture.annotations.length);
  });
});

describe.each(["brat" as const, "webanno" as const])("%s relations", (format) => {
  it("export → delete the annotations → import gives the same relations within each source, and leaves out those across sources", async () => {
    const fixture = await corpusComparison(db);
    const { owner, comparison, annotations } = fixture;
    const first = fixture.sources[0]!;
    const words = /\p{L}{7,}/u.exec(first.text.slice(400))!;
    const extra = await createAnnotation(owner, comparison.id, {
      sourceId: first.id,
      revisionNumber: 1,
      start: 400 + words.index,
      end: 400 + words.index + words[0].length,
      tagIds: annotations[1]!.tags.map((t) => t.id),
    });
    const custom = await createRelationType(owner, comparison.id, { name: "Echoes 🔁 (quote)" });
    const evidence = (await findRelationTypes(owner, comparison.id)).find((t) => t.key === "evidence")!;
    // Within source 4, between two annotations on words with a flag emoji; within source 1; across sources 1 and 2.
    await createRelation(owner, comparison.id, { fromId: annotations[3]!.id, toId: annotations[5]!.id, typeId: custom.id });
    await createRelation(owner, comparison.id, { fromId: annotations[0]!.id, toId: extra.id, typeId: evidence.id });
    await createRelation(owner, comparison.id, { fromId: annotations[0]!.id, toId: annotations[1]!.id, typeId: evidence.id });

    const relations = async () => {
      const rows = await db().relation.findMany({
        where: { comparisonId: comparison.id, deletedAt: null },
        select: { type: { select: { name: true } }, from: { select: { exact: true, comment: true } }, to: { select: { exact: true, comment: true } } },
      });
      return rows.map((r) => JSON.stringify(r)).sort();
    };
    const before = await relations();
    const across = await db().annotation.findUniqueOrThrow({ where: { id: annotations[1]!.id }, select: { exact: true } });
    expect((await exportDocuments(owner, comparison.id, format)).relationsLeftOut).toBe(1);
    const zip = await zipOf(owner, comparison.id, format);

    await db().annotation.deleteMany({ where: { comparisonId: comparison.id } });
    expect(await relations()).toEqual([]);
    const report = await importDocumentFiles(owner, comparison.id, format, [{ path: zip.filename, bytes: zip.bytes }]);
    expect(report).toMatchObject({ relations: 2, skipped: [] });
    expect(await relations()).toEqual(before.filter((r) => !r.includes(JSON.stringify(across.exact))));
    expect(await db().relationType.count({ where: { comparisonId: comparison.id, name: custom.name } })).toBe(1);
  });
});

describe("importing documents", () => {
  it("saves nothing from a malformed file, and says what it skipped and why", async () => {
    const fixture = await corpusComparison(db);
    const [one, two] = fixture.sources;
    const count = () => db().annotation.count({ where: { comparisonId: fixture.comparison.id } });
    const before = await count();
    const words = (text: string) => {
      const match = /\p{L}{6,}/u.exec(text.slice(200))!;
      const start = [...text.slice(0, 200 + match.index)].length;
      return { start, end: start + [...match[0]].length, text: match[0] };
    };
    const a = words(one!.text);
    const b = words(two!.text);
    const good = {
      "story/annotation.conf": "[entities]\n!Framing_devices\n\tEuphemism\n[relations]\n[events]\n[attributes]\n",
      "story/one.txt": one!.text,
      "story/one.ann": `T1\tEuphemism ${a.start} ${a.end}\t${a.text}\nT2\tEuphemism ${b.start} ${b.end}\t${b.text}\n`,
      "story/two.txt": two!.text,
      "story/two.ann": `T1\tEuphemism ${b.start} ${b.end}\t${b.text}\nR1\tCause Arg1:T1 Arg2:T1\n`,
    };
    const zip = (files: Record<string, string>) => [{ path: "story.zip", bytes: zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))) }];

    await expect(importDocumentFiles(fixture.owner, fixture.comparison.id, "brat", zip(good))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^story\/one\.ann:2: its text .* is not what one\.txt has at those offsets/),
    });
    await expect(importDocumentFiles(fixture.owner, fixture.comparison.id, "webanno", [{ path: "x.tsv", bytes: strToU8("not a tsv") }])).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/^x\.tsv:1: /) });
    expect(await count()).toBe(before);

    const report = await importDocumentFiles(fixture.owner, fixture.comparison.id, "brat", zip({ ...good, "story/one.ann": good["story/one.ann"].split("\n")[0]! }));
    expect(report).toMatchObject({ exact: 2, relations: 0, skipped: [{ where: "story/two.ann:2", reason: "it links an annotation to itself" }] });
    expect(report.documents).toEqual([
      { stem: "one", source: one!.title, by: "text" },
      { stem: "two", source: two!.title, by: "text" },
    ]);
    expect(await count()).toBe(before + 2);
  });

  it("links a reviewer's relations by a type the comparison has, and skips a type only an owner or editor could add", async () => {
    const fixture = await corpusComparison(db);
    const text = fixture.sources[0]!.text;
    const [a, b] = [...text.slice(300).matchAll(/\p{L}{6,}/gu)].slice(0, 2).map((m) => {
      const start = [...text.slice(0, 300 + m.index)].length;
      return `${start} ${start + [...m[0]].length}\t${m[0]}`;
    });
    const files = {
      "story/annotation.conf": "[entities]\n!Framing_devices\n\tEuphemism\n[relations]\nhas_evidence\tArg1:Euphemism, Arg2:Euphemism\n[events]\n[attributes]\n",
      "story/visual.conf": "[labels]\nhas_evidence | has evidence\n",
      "story/one.txt": text,
      "story/one.ann": `T1\tEuphemism ${a}\nT2\tEuphemism ${b}\nR1\thas_evidence Arg1:T1 Arg2:T2\nR2\tBrand_new Arg1:T2 Arg2:T1\n`,
    };
    const zip = [{ path: "story.zip", bytes: zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, strToU8(content)]))) }];
    const report = await importDocumentFiles(fixture.reviewer, fixture.comparison.id, "brat", zip);
    expect(report).toMatchObject({ exact: 2, relations: 1, skipped: [{ where: "story/one.ann:4", reason: "its relation type “Brand new” is not one of this comparison's; an owner or editor can add it" }] });
    const saved = await db().relation.findMany({ where: { comparisonId: fixture.comparison.id }, select: { authorId: true, type: { select: { key: true } } } });
    expect(saved).toEqual([{ authorId: fixture.reviewer.id, type: { key: "evidence" } }]);
  });
});
