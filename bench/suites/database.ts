/**
 * What Prisma costs over plain SQL on this server, for the two operations other suites build
 * on: writing an annotation and reading a comparison for its page. Later suites take their
 * baselines from here: a raw pg INSERT for annotation writes, `readComparison` (a plain
 * Prisma read) for the comparison page.
 *
 * Raw queries use `pool.query(text, values)`, unnamed statements over the extended protocol
 * like Prisma's pg adapter, so the ratio is Prisma's own work (query building, result
 * mapping), not a difference in protocol.
 */
import { randomUUID } from "node:crypto";
import { createSelectors } from "@/lib/domain/anchoring";
import type { Suite } from "@/bench/harness";
import { readComparison, seedComparison } from "@/bench/fixtures/comparison";
import { createRandom } from "@/bench/fixtures/random";

const READ_SIZE = "1 comparison, 5 sources × 2,000 words";

// Every column `readComparison`'s include fetches, so both reads move the same data.
const SELECT_COMPARISON = `
  SELECT c.id, c."workspaceId", c.slug, c.title, c.description, c."eventDate", c."createdById",
         c."createdAt", c."updatedAt",
         s.id AS "sourceId", s."outletId", s.title AS "sourceTitle", s.url, s.author, s."publishedAt",
         s.position, s."currentRevisionId", s."createdAt" AS "sourceCreatedAt", s."updatedAt" AS "sourceUpdatedAt",
         o."workspaceId" AS "outletWorkspaceId", o.name AS "outletName", o.site, o.country, o.notes,
         o."createdAt" AS "outletCreatedAt",
         r.number, r.text, r."textHash", r."wordCount", r."createdById" AS "revisionCreatedById",
         r."createdAt" AS "revisionCreatedAt"
    FROM "Comparison" c
    LEFT JOIN "Source" s ON s."comparisonId" = c.id
    LEFT JOIN "Outlet" o ON o.id = s."outletId"
    LEFT JOIN "SourceRevision" r ON r.id = s."currentRevisionId"
   WHERE c.id = $1
   ORDER BY s.position`;

const INSERT_ANNOTATION = `
  INSERT INTO "Annotation" (id, "comparisonId", "sourceId", "revisionId", "authorId", exact, prefix, suffix, start, "end", "updatedAt")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`;

export const database: Suite = {
  name: "database",
  async setup({ db, pg }, bench) {
    const seeded = await seedComparison(db, createRandom(5), { sources: 5, words: 2000 });
    const source = seeded.sources[0] as (typeof seeded.sources)[number];
    const { quote, position } = createSelectors(source.text, 1200, 1290);
    const annotation = {
      comparisonId: seeded.comparisonId,
      sourceId: source.id,
      revisionId: source.revisionId,
      authorId: seeded.userId,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
    };

    // Writes accumulate (~3,000 rows in all); both sides insert into the same
    // growing table and index, so neither gets an emptier one.
    const { comparisonId, sourceId, revisionId, authorId, exact, prefix, suffix, start, end } = annotation;
    const values = () => [randomUUID(), comparisonId, sourceId, revisionId, authorId, exact, prefix, suffix, start, end];
    bench.baseline("raw pg INSERT of an annotation row", "1 row", () => pg.query(INSERT_ANNOTATION, values()), {
      iterations: 1000,
      warmup: 100,
    });
    bench.compare("Prisma annotation.create", "1 row", () => db.annotation.create({ data: annotation }), {
      iterations: 1000,
      warmup: 100,
    });

    bench.baseline("raw pg SELECT of a comparison with its sources", READ_SIZE, () => pg.query(SELECT_COMPARISON, [seeded.comparisonId]), {
      iterations: 1000,
      warmup: 100,
    });
    bench.compare("Prisma findFirst with includes (readComparison)", READ_SIZE, () => readComparison(db, seeded.comparisonId), {
      iterations: 1000,
      warmup: 100,
    });
  },
};
