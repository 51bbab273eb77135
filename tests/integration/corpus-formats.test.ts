import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { CORPUS_USAGE, runCorpusExport, runCorpusImport } from "@/lib/server/cli/corpus";
import { exportToFile } from "@/lib/server/cli/export-to-file";
import { importFolder } from "@/lib/server/cli/import-folder";
import { readCorpus } from "@/lib/server/export/corpus-formats";
import { exportComparison } from "@/lib/server/export/export-comparison";
import { importCorpus } from "@/lib/server/export/import-corpus";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { CORPUS, corpusComparison } from "./helpers/corpus-comparison";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-corpus-"));
  folders.push(dir);
  return dir;
}

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
}

/** Two articles as the shared tasks lay them out; the first has astral characters (🌊, 𝔐) before and inside its spans. */
const ARTICLES: Record<string, string> = {
  "700000001": "Flood 🌊 in 𝔐arrowick: the traitors did it\n\nThe so-called experts 😡 failed us again, the mayor said. Make Marrowick safe again!",
  "700000002": "Second article\n\nEither you stand with us or with the enemy. Everyone already agrees.",
};
/** Code points, end excluded: what a Python slice of each text gives. */
const cpSpan = (text: string, words: string) => {
  const at = text.indexOf(words);
  return [[...text.slice(0, at)].length, [...text.slice(0, at)].length + [...words].length];
};
const LABELS: Record<string, [string, string][]> = {
  "700000001": [
    ["Name_Calling,Labeling", "traitors"],
    ["Loaded_Language", "𝔐arrowick"],
    ["Doubt", "so-called experts 😡"],
    ["Slogans", "Make Marrowick safe again!"],
  ],
  "700000002": [
    ["Black-and-White_Fallacy", "Either you stand with us or with the enemy."],
    ["Bandwagon,Reductio_ad_hitlerum", "Everyone already agrees."],
  ],
};

async function ptcFolder(labels = LABELS) {
  const dir = await tempDir();
  const folder = path.join(dir, "semeval-sample");
  await mkdir(folder);
  for (const [id, text] of Object.entries(ARTICLES)) {
    await writeFile(path.join(folder, `article${id}.txt`), text);
    const lines = (labels[id] ?? []).map(([technique, words]) => `${id}\t${technique}\t${cpSpan(text, words).join("\t")}\n`);
    await writeFile(path.join(folder, `article${id}.labels.tsv`), lines.join(""));
  }
  return folder;
}

async function readFolder(folder: string) {
  const names = (await readdir(folder)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n), "utf8")] as const)));
}

/** Label lines in a stable order (the export writes them in text order, by annotation). */
const sortedLines = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([n, c]) => [n, n.endsWith(".tsv") ? c.split("\n").filter(Boolean).sort() : c]));

describe("propaganda-technique corpus (PTC)", () => {
  it("imports a folder as a new comparison, one source per article, as the acting reviewer's annotations, and exports the same layout back", async () => {
    const { owner, workspace } = await ownerWithWorkspace("PTC Editor");
    const reviewer = await signUp("Rhea Reviewer");
    await addMember(owner, workspace.slug, { email: reviewer.email, role: "EDITOR" });
    const folder = await ptcFolder();
    const { lines, io } = capture();

    expect(await runCorpusImport([folder, "--workspace", workspace.slug, "--format", "ptc", "--as", reviewer.email], io)).toBe(0);
    expect(lines[0]).toBe("new comparison “semeval-sample” (named after the folder), 2 sources");
    expect(lines.at(-1)).toMatch(/^\n6 annotations imported into \/w\/.+\/c\/semeval-sample: 6 anchored exactly, 0 fuzzily, 0 orphaned \(kept to re-attach\); 0 skipped$/);

    const { comparison } = await getComparisonBySlug(owner, workspace.slug, "semeval-sample");
    expect(comparison.sources.map((s) => s.title)).toEqual(["Flood 🌊 in 𝔐arrowick: the traitors did it", "Second article"]);
    const annotations = await db().annotation.findMany({
      where: { comparisonId: comparison.id },
      orderBy: [{ sourceId: "asc" }, { start: "asc" }],
      select: { exact: true, authorId: true, tags: { select: { tag: { select: { name: true, tagSet: { select: { key: true } } } } } } },
    });
    expect(annotations.every((a) => a.authorId === reviewer.id)).toBe(true);
    const byQuote = Object.fromEntries(annotations.map((a) => [a.exact, a.tags.map((t) => `${t.tag.tagSet.key}: ${t.tag.name}`).sort()]));
    expect(byQuote).toMatchObject({
      "𝔐arrowick": ["persuasion-techniques: Loaded language"],
      "so-called experts 😡": ["persuasion-techniques: Doubt"],
      "Everyone already agrees.": ["persuasion-techniques: Bandwagon", "persuasion-techniques: Reductio ad hitlerum"],
    });

    const out = path.join(await tempDir(), "back");
    expect(await runCorpusExport(["semeval-sample", "--workspace", workspace.slug, "--format", "ptc", "--out", out], capture().io)).toBe(0);
    expect(sortedLines(await readFolder(out))).toEqual(sortedLines(await readFolder(folder)));
  });

  it("refuses a folder with an unknown technique as a whole, naming the line, and saves nothing", async () => {
    const { workspace } = await ownerWithWorkspace("PTC Refusal");
    const folder = await ptcFolder({ ...LABELS, "700000002": [["Black-and-White_Fallacy", "Either you"], ["Propaganda", "Everyone"]] });
    const before = await db().comparison.count();
    await expect(runCorpusImport([folder, "--workspace", workspace.slug, "--format", "ptc"], capture().io)).rejects.toThrow(
      /^article700000002\.labels\.tsv:2: unknown technique \(article700000002\.labels\.tsv:2: “Propaganda”\): the corpus names are Name_Calling,Labeling, /,
    );
    expect(await db().comparison.count()).toBe(before);
  });

  it("saves a new comparison, its sources and its annotations in one transaction: a failure while saving the annotations leaves no comparison, source, revision, annotation, tag or audit event", async () => {
    const { workspace } = await ownerWithWorkspace("PTC Rollback");
    // The database itself refuses the annotations of one quote, after the comparison and its sources were written.
    await db().$executeRawUnsafe(`CREATE FUNCTION refuse_marked_annotation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."exact" = 'Everyone already agrees.' THEN RAISE EXCEPTION 'annotation step failed on purpose'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_marked_annotation BEFORE INSERT ON "Annotation" FOR EACH ROW EXECUTE FUNCTION refuse_marked_annotation()`);
    const count = async () => ({
      comparisons: await db().comparison.count(),
      sources: await db().source.count(),
      revisions: await db().sourceRevision.count(),
      annotations: await db().annotation.count(),
      tags: await db().tag.count(),
      audit: await db().auditEvent.count({ where: { workspaceId: workspace.id } }),
    });
    const before = await count();
    try {
      await expect(runCorpusImport([await ptcFolder(), "--workspace", workspace.slug, "--format", "ptc"], capture().io)).rejects.toThrow(/annotation step failed on purpose/);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_marked_annotation ON "Annotation"`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_marked_annotation()`);
    }
    expect(await count()).toEqual(before);
    expect(await runCorpusImport([await ptcFolder(), "--workspace", workspace.slug, "--format", "ptc"], capture().io)).toBe(0);
    expect((await count()).annotations).toBe(before.annotations + 6);
  });

  it("exports the same files over HTTP as a zip of the folder", async () => {
    const { owner, workspace } = await ownerWithWorkspace("PTC Zip");
    await runCorpusImport([await ptcFolder(), "--workspace", workspace.slug, "--format", "ptc"], capture().io);
    const { comparison } = await getComparisonBySlug(owner, workspace.slug, "semeval-sample");
    const file = await exportComparison(owner, comparison.id, "ptc", { origin: "http://app.example" });
    expect(file).toMatchObject({ filename: "semeval-sample.ptc.zip", contentType: "application/zip" });
    const zip = unzipSync(new Uint8Array(await new Response(file.body).arrayBuffer()));
    const files = Object.fromEntries(Object.entries(zip).map(([n, bytes]) => [n, strFromU8(bytes)]));
    expect(Object.keys(files).sort()).toEqual(["article700000001.labels.tsv", "article700000001.txt", "article700000002.labels.tsv", "article700000002.txt"]);
    expect(files["article700000001.txt"]).toBe(ARTICLES["700000001"]);
  });

  it("documents its command line", () => {
    expect(CORPUS_USAGE).toContain("import <folder> --workspace <slug> --format ptc [--comparison <slug>] [--as <email>]");
    expect(CORPUS_USAGE).toContain("export <comparison> --workspace <slug> --format ptc --out <folder> [--as <email>]");
  });
});

describe("importing into a comparison", () => {
  it("keeps Label Studio annotators who are members (by email), gives the others to the importer, and skips texts no source has", async () => {
    const { owner, workspace } = await ownerWithWorkspace("LS Owner");
    const reviewer = await signUp("Lia Labeller");
    await addMember(owner, workspace.slug, { email: reviewer.email, role: "REVIEWER" });
    const folder = await ptcFolder({});
    await runCorpusImport([folder, "--workspace", workspace.slug, "--format", "ptc"], capture().io);
    const { comparison } = await getComparisonBySlug(owner, workspace.slug, "semeval-sample");
    const text = ARTICLES["700000001"]!;
    const region = (words: string, label: string) => ({ id: words, from_name: "label", to_name: "text", type: "labels", value: { start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words, labels: [label] } });
    const tasks = [
      {
        data: { text },
        annotations: [
          { completed_by: { email: reviewer.email.toUpperCase(), first_name: "Someone", last_name: "Else" }, result: [region("traitors", "Labeling")] },
          { completed_by: { email: "stranger@example.org", first_name: "Sam", last_name: "Stranger" }, result: [region("𝔐arrowick", "Loaded language")] },
        ],
      },
      { data: { text: "A text this comparison does not have." }, annotations: [{ result: [] }] },
    ];
    const report = await importCorpus(owner, comparison.id, readCorpus("labelstudio", [{ name: "tasks.json", content: JSON.stringify(tasks) }]));
    expect(report).toMatchObject({ exact: 2, reassigned: [{ where: "$[0].annotations[1].result[0]", creator: "Sam Stranger" }] });
    expect(report.skipped).toEqual([{ where: "$[1]", reason: "no source of this comparison has its text: add the article first" }]);
    const saved = await db().annotation.findMany({ where: { comparisonId: comparison.id }, select: { exact: true, authorId: true } });
    expect(Object.fromEntries(saved.map((a) => [a.exact, a.authorId]))).toEqual({ traitors: reviewer.id, "𝔐arrowick": owner.id });
  });
});

interface Task {
  data: { text: string; title: string; source: string };
  annotations: { completed_by: { first_name: string }; result: { from_name: string; value: unknown; meta?: unknown }[] }[];
}

/** What a Label Studio round trip keeps: texts, and per reviewer the regions' control, offsets, words, labels and comments (not the ids). */
const lsKept = (json: string) =>
  (JSON.parse(json) as Task[]).map((task) => ({
    data: task.data,
    annotations: task.annotations.map((a) => ({ by: a.completed_by.first_name, result: a.result.map((r) => JSON.stringify([r.from_name, r.value, r.meta ?? null])).sort() })),
  }));

describe("Label Studio and doccano round trips", () => {
  it("Label Studio: export → import into a comparison of the same articles → export keeps spans, tags, comments and reviewers", async () => {
    const fixture = await corpusComparison(db);
    const dir = await tempDir();
    const first = path.join(dir, "first.json");
    await exportToFile({ workspace: fixture.workspace.slug, comparison: fixture.comparison.slug, format: "labelstudio", out: first });
    const copy = await importFolder({ folder: CORPUS, workspace: fixture.workspace.slug });
    if (!copy.saved) throw new Error("The corpus import failed.");
    const { comparison } = await getComparisonBySlug(fixture.owner, fixture.workspace.slug, copy.comparison);

    const report = await importCorpus(fixture.owner, comparison.id, readCorpus("labelstudio", [{ name: "first.json", content: await readFile(first, "utf8") }]));
    expect(report).toMatchObject({ exact: fixture.annotations.length, fuzzy: 0, orphaned: 0, skipped: [], newTags: [], reassigned: [] });
    const second = path.join(dir, "second.json");
    await exportToFile({ workspace: fixture.workspace.slug, comparison: copy.comparison, format: "labelstudio", out: second });
    const kept = lsKept(await readFile(second, "utf8"));
    expect(kept).toEqual(lsKept(await readFile(first, "utf8")));
    // Both reviewers come back as themselves (completed_by names members of the workspace).
    expect(new Set(kept.flatMap((t) => t.annotations.map((a) => a.by)))).toEqual(new Set(["Corpus Editor", "Zoë Ñúñez"]));

    const again = await importCorpus(fixture.owner, comparison.id, readCorpus("labelstudio", [{ name: "second.json", content: await readFile(second, "utf8") }]));
    expect(again.exact + again.fuzzy + again.orphaned).toBe(0);
    expect(again.skipped.every((s) => s.reason.startsWith("the same annotation"))).toBe(true);
  });

  it("doccano: export → import → export keeps every span and tag (in code points); the spans are the importer's", async () => {
    const fixture = await corpusComparison(db);
    const dir = await tempDir();
    const first = path.join(dir, "first.jsonl");
    await exportToFile({ workspace: fixture.workspace.slug, comparison: fixture.comparison.slug, format: "doccano", out: first });
    const copy = await importFolder({ folder: CORPUS, workspace: fixture.workspace.slug });
    if (!copy.saved) throw new Error("The corpus import failed.");
    const { comparison } = await getComparisonBySlug(fixture.owner, fixture.workspace.slug, copy.comparison);
    const report = await importCorpus(fixture.owner, comparison.id, readCorpus("doccano", [{ name: "first.jsonl", content: await readFile(first, "utf8") }]));
    expect(report.skipped).toEqual([]);
    const second = path.join(dir, "second.jsonl");
    await exportToFile({ workspace: fixture.workspace.slug, comparison: copy.comparison, format: "doccano", out: second });
    // doccano has no tag sets: a name in two sets ("Loaded language") comes back once, in the first set that has it.
    const spans = async (file: string) =>
      (await readFile(file, "utf8"))
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const row = JSON.parse(line) as { text: string; label: [number, number, string][] };
          return { text: row.text, label: [...new Set(row.label.map((l) => JSON.stringify(l)))].sort() };
        });
    expect(await spans(second)).toEqual(await spans(first));
    const imported = await db().annotation.findMany({ where: { comparisonId: comparison.id }, select: { authorId: true, exact: true } });
    expect(new Set(imported.map((a) => a.authorId))).toEqual(new Set([fixture.owner.id]));
    // Slicing the text by code points, as Python does, gives each annotation's words, after the corpus's emoji too.
    const rows = (await readFile(second, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { text: string; label: [number, number, string][] });
    const slices = rows.flatMap((row) => row.label.map(([start, end]) => ({ words: [...row.text].slice(start, end).join(""), astralBefore: /[\u{10000}-\u{10FFFF}]/u.test([...row.text].slice(0, start).join("")) })));
    for (const { words } of slices) expect(imported.map((a) => a.exact)).toContain(words);
    expect(slices.some((s) => s.astralBefore)).toBe(true);
  });
});
