import "server-only";
import { findSharedQuotations } from "@/lib/domain/alignment";
import type { Actor } from "@/lib/server/actor";
import { getComparisonBySlug } from "./get-comparison-by-slug";

/** The comparison as the side-by-side view shows it: with the quotations several outlets share. */
export async function getSideBySide(actor: Actor, workspaceSlug: string, comparisonSlug: string) {
  const view = await getComparisonBySlug(actor, workspaceSlug, comparisonSlug);
  const sharedQuotations = findSharedQuotations(
    view.comparison.sources.map((s) => ({ id: s.id, text: s.currentRevision?.text ?? "" })),
  );
  return { ...view, sharedQuotations };
}
