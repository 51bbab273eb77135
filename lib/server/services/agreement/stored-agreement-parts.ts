import "server-only";
import { createHash } from "node:crypto";
import { parseSourcePart, serialiseSourcePart, STORED_PART_FORMAT, type SourceFigures } from "@/lib/domain/agreement";
import { db } from "@/lib/server/db/client";

/**
 * The agreement page's source parts kept in the database (AgreementSourcePart), under the parts
 * a server process keeps in memory: a freshly started process, or another app instance, reads
 * the parts whose stored marker equals the one read for this request instead of computing them.
 *
 * A stored part holds the figures only (the names shown are put on after reading, as after
 * measuring). The stored marker is a hash of the part's change marker (which covers everything
 * the part depends on, and the names: see getAgreement), the stored format (raised when the
 * computation changes) and this Node's Unicode and ICU versions, since the word tokens come
 * from Intl.Segmenter: an instance on another Node never reads a part tokenised differently.
 *
 * Storing is off the reader's path: it starts after the request's own work and is not awaited;
 * concurrent writers of one part (two instances, two tabs) upsert, the last one winning, each
 * correct for its own marker; a failure is logged and ignored (the part is computed again on a
 * later first view). Deleting a comparison or a source deletes its parts (cascade).
 */
export async function storedOrMeasuredParts(
  comparisonId: string,
  parts: readonly { id: string; marker: string }[],
  coderIds: readonly string[],
  measure: (sourceIds: string[]) => Promise<Map<string, SourceFigures>>,
): Promise<Map<string, SourceFigures>> {
  const wanted = parts.map((p) => ({ id: p.id, marker: storedMarker(p.marker) }));
  const found = await readParts(comparisonId, wanted, coderIds);
  const missing = wanted.filter((p) => !found.has(p.id));
  if (missing.length === 0) return found;
  const measured = await measure(missing.map((p) => p.id));
  storeParts(comparisonId, coderIds, missing.flatMap((p) => (measured.has(p.id) ? [{ ...p, part: measured.get(p.id)! }] : [])));
  for (const [id, part] of measured) found.set(id, part);
  return found;
}

function storedMarker(marker: string): string {
  return createHash("sha256")
    .update(JSON.stringify([STORED_PART_FORMAT, process.versions.unicode ?? null, process.versions.icu ?? null, marker]))
    .digest("base64url");
}

/** The stored parts at exactly these markers; one that cannot be read is left to compute again. */
async function readParts(comparisonId: string, wanted: { id: string; marker: string }[], coderIds: readonly string[]) {
  const found = new Map<string, SourceFigures>();
  if (wanted.length === 0) return found;
  try {
    const rows = await db().agreementSourcePart.findMany({
      where: { comparisonId, OR: wanted.map((p) => ({ sourceId: p.id, marker: p.marker })) },
      select: { sourceId: true, value: true },
    });
    for (const row of rows) {
      try {
        found.set(row.sourceId, parseSourcePart(row.value, coderIds));
      } catch (error) {
        console.error(`[agreement] ignored the stored figures of source ${row.sourceId}; computing them again`, error);
      }
    }
  } catch (error) {
    console.error(`[agreement] could not read the stored figures of comparison ${comparisonId}; computing them`, error);
  }
  return found;
}

const writing = new Set<Promise<void>>();

function storeParts(comparisonId: string, coderIds: readonly string[], parts: { id: string; marker: string; part: SourceFigures }[]) {
  if (parts.length === 0) return;
  const write = new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      const values = parts.map((p) => serialiseSourcePart(p.part, coderIds));
      // A source deleted since it was measured is skipped rather than failing the others.
      await db().$executeRaw`
        INSERT INTO "AgreementSourcePart" ("comparisonId", "sourceId", "marker", "value")
        SELECT ${comparisonId}, w."sourceId", w."marker", w."value"
        FROM unnest(${parts.map((p) => p.id)}::text[], ${parts.map((p) => p.marker)}::text[], ${values}::text[]) AS w("sourceId", "marker", "value")
        WHERE EXISTS (SELECT 1 FROM "Source" s WHERE s."id" = w."sourceId" AND s."comparisonId" = ${comparisonId})
        ON CONFLICT ("comparisonId", "sourceId") DO UPDATE SET "marker" = EXCLUDED."marker", "value" = EXCLUDED."value"`;
    })
    .catch((error: unknown) => {
      console.error(`[agreement] could not store the figures of ${parts.length} source(s) of comparison ${comparisonId}; the page is unaffected`, error);
    })
    .finally(() => writing.delete(write));
  writing.add(write);
}

/** Waits until every part this process started storing is stored (or failed to be): for tests. */
export async function storedAgreementPartsWritten(): Promise<void> {
  await Promise.all([...writing]);
}
