import type { Db } from "@/lib/server/db/client";

export interface BulkTarget {
  comparisonId: string;
  sourceId: string;
  revisionId: string;
  authorId: string;
  /** The source's current text: every annotation quotes one of its words. */
  text: string;
  /** Each annotation carries `tagsPerAnnotation` of these, taken in turn. */
  tagIds: string[];
}

/**
 * `count` annotations on one source, with their tag rows, in two set-based statements
 * (INSERT … SELECT generate_series): tens of thousands in a second or two, where the
 * services would take minutes. Each annotation quotes one word of the text, chosen in turn,
 * with the selector columns the services would have written. Ids are `<prefix>-<n>`.
 */
export async function insertAnnotations(db: Db, target: BulkTarget, count: number, { prefix = "bulk", tagsPerAnnotation = 1 } = {}) {
  const words = [...target.text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, exact: m[0] }));
  if (words.length === 0) throw new Error("The source has no words to annotate.");
  const starts = words.map((w) => w.start);
  const ends = words.map((w) => w.end);
  const exacts = words.map((w) => w.exact);
  await db.$executeRawUnsafe(
    `INSERT INTO "Annotation" (id, "comparisonId", "sourceId", "revisionId", "authorId", exact, prefix, suffix, start, "end", "updatedAt")
     SELECT $1 || '-' || n, $2, $3, $4, $5, ($8::text[])[1 + n % $9], '', '', ($6::int[])[1 + n % $9], ($7::int[])[1 + n % $9], now()
     FROM generate_series(1, $10::int) AS n`,
    prefix,
    target.comparisonId,
    target.sourceId,
    target.revisionId,
    target.authorId,
    starts,
    ends,
    exacts,
    words.length,
    count,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "AnnotationTag" ("annotationId", "tagId")
     SELECT $1 || '-' || n, ($2::text[])[1 + (n + k) % $3]
     FROM generate_series(1, $4::int) AS n, generate_series(0, $5::int - 1) AS k`,
    prefix,
    target.tagIds,
    target.tagIds.length,
    count,
    Math.min(tagsPerAnnotation, target.tagIds.length),
  );
}
