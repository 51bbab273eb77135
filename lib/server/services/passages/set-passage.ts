import "server-only";
import { ZFactRowLabel, ZSetPassage } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { spanTarget } from "@/lib/server/services/sources/span-target";
import { parseInput } from "@/lib/server/validation";

/**
 * Puts a span of a source into a fact row (a new one when no row is given). A row holds
 * one passage per source, so choosing another span for the same source replaces it.
 * The span is stored as quote + position selectors, like an annotation.
 */
export async function setPassage(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { factRowId, label, sourceId, start, end, revisionNumber } = parseInput(ZSetPassage, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(async (tx) => {
    const source = await findSourceInComparison(tx, comparison.id, sourceId);
    const target = { ...spanTarget(source.currentRevision, { start, end, revisionNumber }), anchorStatus: "EXACT" as const };
    const rowId = factRowId ? await existingRow(tx, comparison.id, factRowId) : await newRow(tx, comparison.id, label);
    await tx.passage.upsert({
      where: { factRowId_sourceId: { factRowId: rowId, sourceId } },
      create: { factRowId: rowId, sourceId, ...target },
      update: target,
    });
    return { factRowId: rowId };
  });
}

async function existingRow(tx: DbTx, comparisonId: string, factRowId: string) {
  const row = await tx.factRow.findFirst({ where: { id: factRowId, comparisonId }, select: { id: true } });
  if (!row) throw notFound("That fact row");
  return row.id;
}

async function newRow(tx: DbTx, comparisonId: string, label: string | undefined) {
  const { label: valid } = parseInput(ZFactRowLabel, { label: label ?? "" });
  const last = await tx.factRow.aggregate({ where: { comparisonId }, _max: { position: true } });
  const row = await tx.factRow.create({ data: { comparisonId, label: valid, position: (last._max.position ?? -1) + 1 } });
  return row.id;
}
