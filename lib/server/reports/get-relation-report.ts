import "server-only";
import { summarizeRelations } from "@/lib/domain/relations/relation-summary";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { canReadReports } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { REPORT_FOR_STUDENTS } from "./get-report";

/**
 * The report's relation figures for a member: claims with evidence and without, and claims
 * contradicted by another outlet. Like the report, it counts what the workspace stands
 * behind: visible annotations, hidden ones left out even for editors, and relations whose
 * two ends are among them.
 */
export async function getRelationReport(actor: Actor, comparisonId: string) {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canReadReports(role)) throw new AppError("FORBIDDEN", REPORT_FOR_STUDENTS);
  const annotationWhere = { comparisonId: comparison.id, AND: [visibleAnnotationsWhere(actor, role), { hiddenAt: null }] };
  const [annotations, relations] = await Promise.all([
    db().annotation.findMany({
      where: annotationWhere,
      orderBy: [{ source: { position: "asc" } }, { start: "asc" }, { id: "asc" }],
      select: { id: true, exact: true, isClaim: true, sourceId: true, source: { select: { outletId: true, outlet: { select: { name: true } } } }, _count: { select: { evidence: true } } },
    }),
    db().relation.findMany({
      where: { comparisonId: comparison.id, deletedAt: null, from: { is: annotationWhere }, to: { is: annotationWhere } },
      select: { fromId: true, toId: true, type: { select: { key: true } } },
    }),
  ]);
  const outletOf = new Map(annotations.map((a) => [a.source.outletId ?? a.sourceId, a.source.outlet?.name ?? "Unknown outlet"]));
  const summary = summarizeRelations(
    annotations.map((a) => ({ id: a.id, outlet: a.source.outletId ?? a.sourceId, isClaim: a.isClaim, evidenceLinks: a._count.evidence })),
    relations.map((r) => ({ fromId: r.fromId, toId: r.toId, typeKey: r.type.key })),
  );
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const claim = (id: string) => {
    const a = byId.get(id)!;
    return { id, exact: a.exact, outlet: outletOf.get(a.source.outletId ?? a.sourceId)! };
  };
  return {
    claims: summary.claims,
    withEvidence: summary.withEvidence.map(claim),
    withoutEvidence: summary.withoutEvidence.map(claim),
    contradictedAcrossOutlets: summary.contradictedAcrossOutlets.map((c) => ({ ...claim(c.claimId), byOutlets: c.byOutlets.map((o) => outletOf.get(o)!) })),
  };
}

export type RelationReport = Awaited<ReturnType<typeof getRelationReport>>;
