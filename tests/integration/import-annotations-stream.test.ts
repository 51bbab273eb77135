import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importAnnotationsFile, type ImportFileProgress } from "@/lib/server/cli/import-annotations-file";
import { ARTICLE, annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

/** More annotations than two batches of inserts hold, so a refusal comes after rows were written. */
const COUNT = 2_500;

let dir: string;
let fixture: Awaited<ReturnType<typeof annotatedComparison>>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "parallax-import-stream-"));
  fixture = await annotatedComparison(db);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A collection of COUNT annotations, each on three words of the source named by its title, tagged and commented (so none repeats another). */
function collection(change: (item: Record<string, unknown>, i: number) => Record<string, unknown> = (item) => item) {
  const words = [...ARTICLE.matchAll(/\S+/g)];
  const items = Array.from({ length: COUNT }, (_, i) => {
    const first = words[i % (words.length - 3)]!;
    const last = words[(i % (words.length - 3)) + 2]!;
    const start = first.index;
    const end = last.index + last[0].length;
    const item = {
      type: "Annotation",
      body: [
        { type: "TextualBody", purpose: "tagging", value: i % 2 ? "Euphemism" : "Streamed tag" },
        { type: "TextualBody", purpose: "commenting", value: `Note ${i}` },
      ],
      target: {
        source: { id: `urn:example:${i}`, "dcterms:title": fixture.source.title },
        selector: [
          { type: "TextQuoteSelector", exact: ARTICLE.slice(start, end) },
          { type: "TextPositionSelector", start, end },
        ],
      },
    };
    return change(item, i);
  });
  return JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", first: { type: "AnnotationPage", items } }, null, 1);
}

async function write(name: string, text: string) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const counts = async () => ({
  annotations: await db().annotation.count({ where: { comparisonId: fixture.comparison.id } }),
  tags: await db().tag.count({ where: { tagSet: { comparisonId: fixture.comparison.id } } }),
});

describe("importing a large annotation file as a stream", () => {
  it("refuses the whole file for a malformed annotation near its end, naming it, after earlier batches were written", async () => {
    const before = await counts();
    const file = await write("late-error.jsonld", collection((item, i) => (i === 2_400 ? { ...item, target: undefined } : item)));
    await expect(importAnnotationsFile({ file, workspace: fixture.workspace.slug, comparison: fixture.comparison.slug })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "$.first.items[2400]: an annotation must have a target.",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a file cut short, saving nothing", async () => {
    const before = await counts();
    const text = collection();
    const file = await write("cut.jsonld", text.slice(0, Math.floor(text.length * 0.9)));
    await expect(importAnnotationsFile({ file, workspace: fixture.workspace.slug, comparison: fixture.comparison.slug })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^cut\.jsonld is not valid JSON: .*ended in (mid-parsing|the middle of a token)/),
    });
    expect(await counts()).toEqual(before);
  });

  it("imports every annotation in batches and reports progress up to the whole file", async () => {
    const before = await counts();
    const file = await write("good.jsonld", collection());
    const seen: ImportFileProgress[] = [];
    const report = await importAnnotationsFile({ file, workspace: fixture.workspace.slug, comparison: fixture.comparison.slug, onProgress: (p) => seen.push(p) });
    expect(report).toMatchObject({ exact: COUNT, fuzzy: 0, orphaned: 0, skipped: [], newTags: [{ name: "Streamed tag", tagSet: "Imported tags" }] });
    expect(await counts()).toEqual({ annotations: before.annotations + COUNT, tags: before.tags + 1 });
    expect(seen).toHaveLength(COUNT);
    expect(seen.at(-1)).toEqual({ annotations: COUNT, bytes: (await stat(file)).size, size: (await stat(file)).size });
    expect(seen[0]!.bytes).toBeLessThan(seen.at(-1)!.bytes);
    const audit = await db().auditEvent.findFirst({ where: { entityId: fixture.comparison.id, action: "annotations.imported" }, orderBy: { createdAt: "desc" } });
    expect(audit?.data).toEqual({ count: COUNT, relations: 0 });
  });
});
