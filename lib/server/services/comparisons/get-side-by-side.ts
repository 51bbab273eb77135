import "server-only";
import { findSharedQuotations } from "@/lib/domain/alignment";
import type { Actor } from "@/lib/server/actor";
import { getColumnLayout } from "@/lib/server/services/column-layouts/get-column-layout";
import { getComparisonBySlug } from "./get-comparison-by-slug";

/** The comparison as the side-by-side view shows it: with the quotations several outlets share and the actor's column layout. */
export async function getSideBySide(actor: Actor, workspaceSlug: string, comparisonSlug: string) {
  const view = await getComparisonBySlug(actor, workspaceSlug, comparisonSlug);
  const sharedQuotations = findSharedQuotations(
    view.comparison.sources.map((s) => ({ id: s.id, text: s.currentRevision?.text ?? "" })),
  );
  const columnLayout = await getColumnLayout(actor, view.comparison.id);
  return { ...view, sharedQuotations, columnLayout };
}
