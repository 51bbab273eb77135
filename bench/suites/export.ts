/**
 * Issue 5's export target: 10,000 annotations exported as CSV and as JSON-LD through the
 * streaming service (`exportComparison`, as the download endpoint and the CLI call it) in
 * under 3 s, with memory that does not grow with the number of annotations.
 *
 * Each format's baseline is the same export of a comparison with 1,000 annotations (2
 * sources × 500, so every database read is a full batch of 500 as in the large one), so
 * the time ratio says how the time scales (about 10× when linear) and the memory ratio
 * whether the memory does (about 1× when it does not). Memory is the most the export holds
 * alive while it streams: the heap after a full garbage collection at every chunk the
 * reader takes, above the heap before the export began (RSS likewise, without the
 * collection's help: the process rarely returns memory to the system).
 */
import { randomUUID } from "node:crypto";
import { csvRow } from "@/lib/domain/export/csv";
import type { ExportedAnnotation } from "@/lib/domain/export/types";
import { CLAIM_STATUSES } from "@/lib/schemas/annotation";
import { installDbClient, type Db } from "@/lib/server/db/client";
import { openAnnotationExport } from "@/lib/server/export/export-annotations";
import { exportComparison, type ExportFormat } from "@/lib/server/export/export-comparison";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { selectorColumns } from "@/lib/server/services/sources/span-target";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { median, memoryTracker, type Suite } from "@/bench/harness";
import { createRandom, randomInt, type Random } from "@/bench/fixtures/random";
import { article, facts } from "@/bench/fixtures/text";

const WORDS = 2000;
const ORIGIN = "http://localhost:3000";

/**
 * A comparison of `sourceCount` sources of 2,000 words with `count` annotations of 2 to 12
 * words spread evenly over them: 1 to 3 tags each, a comment on every fifth, a claim with
 * an evidence link on every tenth.
 */
async function seedAnnotated(db: Db, random: Random, owner: { userId: string; workspaceId: string }, slug: string, sourceCount: number, count: number) {
  const comparison = await db.comparison.create({ data: { workspaceId: owner.workspaceId, slug, title: slug, createdById: owner.userId } });
  await installDefaultTaxonomy(db, comparison.id);
  const tagIds = (await db.tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, select: { id: true } })).map((t) => t.id);
  const story = facts(random, 30);
  const sources: { id: string; revisionId: string; text: string; words: { start: number; end: number }[] }[] = [];
  for (let position = 0; position < sourceCount; position++) {
    const text = article(random, WORDS, story);
    const source = await db.source.create({ data: { comparisonId: comparison.id, title: `Outlet ${position + 1} on ${slug}`, position } });
    const revision = await db.sourceRevision.create({ data: { sourceId: source.id, number: 1, createdById: owner.userId, ...revisionFields(text) } });
    await db.source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } });
    sources.push({ id: source.id, revisionId: revision.id, text, words: [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })) });
  }
  const rows = Array.from({ length: count }, (_, i) => {
    const source = sources[i % sourceCount]!;
    const first = randomInt(random, source.words.length - 12);
    const claim = i % 10 === 0;
    return {
      id: randomUUID(),
      comparisonId: comparison.id,
      sourceId: source.id,
      revisionId: source.revisionId,
      authorId: owner.userId,
      ...selectorColumns(source.text, source.words[first]!.start, source.words[first + 1 + randomInt(random, 11)]!.end),
      comment: i % 5 === 0 ? `Reviewer note ${i}, with "quotes", commas and a line\nbreak.` : null,
      isClaim: claim,
      claimAsserter: claim ? ("OUTLET" as const) : null,
      claimStatus: claim ? CLAIM_STATUSES[i % CLAIM_STATUSES.length]! : null,
    };
  });
  await db.annotation.createMany({ data: rows });
  await db.annotationTag.createMany({
    data: rows.flatMap((row) => [...new Set(Array.from({ length: 1 + randomInt(random, 3) }, () => tagIds[randomInt(random, tagIds.length)]!))].map((tagId) => ({ annotationId: row.id, tagId }))),
  });
  await db.claimEvidence.createMany({ data: rows.filter((r) => r.isClaim).map((r) => ({ annotationId: r.id, url: `https://evidence.example/${r.id}` })) });
  return comparison.id;
}

export const exportSuite: Suite = {
  name: "export",
  async setup({ db, url }, bench) {
    installDbClient(db, { kind: "postgres", url });
    const random = createRandom(55);
    const user = await db.user.create({ data: { name: "Bench Editor", email: "bench-export@parallax.example", passwordHash: "not-a-hash" } });
    const workspace = await db.workspace.create({ data: { slug: "bench-export", name: "Bench", memberships: { create: { userId: user.id, role: "OWNER" } } } });
    const owner = { userId: user.id, workspaceId: workspace.id };
    // 500 annotations per source in the small one: every read is a full batch, as in the large one.
    const small = await seedAnnotated(db, random, owner, "small", 2, 1_000);
    const large = await seedAnnotated(db, random, owner, "large", 5, 10_000);
    const actor = { id: user.id };

    /** Reads the whole export as a client would, calling `onChunk` for every chunk; returns the bytes. */
    const read = async (comparisonId: string, format: ExportFormat, onChunk?: () => void) => {
      const file = await exportComparison(actor, comparisonId, format, { origin: ORIGIN });
      const reader = file.body.getReader();
      let bytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.byteLength;
        onChunk?.();
      }
      return bytes;
    };
    // The median of three tracked reads, after an untracked one: V8 compiles code again
    // after the forced collections (it drops code that has not run for a while), and that
    // is not the export's memory. At 1-2 MB a single read's figure moves by a megabyte.
    const memory = (comparisonId: string, format: ExportFormat) => async () => {
      await read(comparisonId, format);
      const peaks = [];
      for (let run = 0; run < 3; run++) {
        const tracker = memoryTracker();
        await read(comparisonId, format, tracker.sample);
        peaks.push(tracker.peak());
      }
      return { heap: median(peaks.map((p) => p.heap)), rss: median(peaks.map((p) => p.rss)) };
    };

    // The control: the same CSV built in memory from all annotations at once, as an export
    // that does not stream would. Its memory must show the growth the streamed rows do not.
    const buffered = async (tracker?: ReturnType<typeof memoryTracker>) => {
      const { batches } = await openAnnotationExport(actor, large);
      const all: ExportedAnnotation[] = [];
      for await (const batch of batches) all.push(...batch);
      const text = all.map(csvRow).join("");
      tracker?.sample();
      return text.length;
    };

    for (const [format, label] of [["csv", "CSV"], ["jsonld", "JSON-LD"]] as const) {
      bench.baseline(`${label} export, streamed`, "1,000 annotations", () => read(small, format), { iterations: 10, warmup: 2, memory: memory(small, format) });
      bench.compare(`${label} export, streamed`, "10,000 annotations", () => read(large, format), {
        iterations: 6,
        warmup: 1,
        target: { belowMs: 3000 },
        memory: memory(large, format),
      });
      if (format !== "csv") continue;
      bench.compare("CSV built in memory, not streamed (control)", "10,000 annotations", () => buffered(), {
        iterations: 3,
        warmup: 1,
        memory: async () => {
          const tracker = memoryTracker();
          await buffered(tracker);
          return tracker.peak();
        },
      });
    }
  },
};
