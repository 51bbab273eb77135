import "server-only";
import { ZFactRowLabel } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";

async function requireFactRow(actor: Actor, workspaceSlug: string, comparisonSlug: string, factRowId: string) {
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const row = await db().factRow.findFirst({ where: { id: factRowId, comparisonId: comparison.id }, select: { id: true } });
  if (!row) throw notFound("That fact row");
  return row;
}

export async function renameFactRow(actor: Actor, workspaceSlug: string, comparisonSlug: string, factRowId: string, input: unknown) {
  const { label } = parseInput(ZFactRowLabel, input);
  const row = await requireFactRow(actor, workspaceSlug, comparisonSlug, factRowId);
  return db().factRow.update({ where: { id: row.id }, data: { label } });
}

/** Deletes a fact row and its passages; the sources' texts and annotations are untouched. */
export async function deleteFactRow(actor: Actor, workspaceSlug: string, comparisonSlug: string, factRowId: string) {
  const row = await requireFactRow(actor, workspaceSlug, comparisonSlug, factRowId);
  await db().factRow.delete({ where: { id: row.id } });
}
