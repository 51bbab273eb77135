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
  // Only the claims and the ends of relations matter, not every annotation of the comparison:
  // a large comparison has hundreds of thousands of annotations and a few hundred claims.
  const [claims, relations] = await Promise.all([
    db().annotation.findMany({
      where: { ...annotationWhere, isClaim: true },
      orderBy: [{ source: { position: "asc" } }, { start: "asc" }, { id: "asc" }],
      select: { ...endSelect, _count: { select: { evidence: true } } },
    }),
    db().relation.findMany({
      where: { comparisonId: comparison.id, deletedAt: null, from: { is: annotationWhere }, to: { is: annotationWhere } },
      select: { fromId: true, toId: true, type: { select: { key: true } }, from: { select: endSelect }, to: { select: endSelect } },
    }),
  ]);
  const annotations = new Map(claims.map(({ _count, ...a }) => [a.id, { ...a, evidenceLinks: _count.evidence }]));
  // An end that is not a claim counts only by its outlet (a claim's evidence links are read above).
  for (const end of relations.flatMap((r) => [r.from, r.to])) {
    if (!annotations.has(end.id)) annotations.set(end.id, { ...end, evidenceLinks: 0 });
  }
  const outletOf = new Map([...annotations.values()].map((a) => [a.source.outletId ?? a.sourceId, a.source.outlet?.name ?? "Unknown outlet"]));
  const summary = summarizeRelations(
    [...annotations.values()].map((a) => ({ id: a.id, outlet: a.source.outletId ?? a.sourceId, isClaim: a.isClaim, evidenceLinks: a.evidenceLinks })),
    relations.map((r) => ({ fromId: r.fromId, toId: r.toId, typeKey: r.type.key })),
  );
  const claim = (id: string) => {
    const a = annotations.get(id)!;
    return { id, exact: a.exact, outlet: outletOf.get(a.source.outletId ?? a.sourceId)! };
  };
  return {
    claims: summary.claims,
    withEvidence: summary.withEvidence.map(claim),
    withoutEvidence: summary.withoutEvidence.map(claim),
    contradictedAcrossOutlets: summary.contradictedAcrossOutlets.map((c) => ({ ...claim(c.claimId), byOutlets: c.byOutlets.map((o) => outletOf.get(o)!) })),
  };
}

/** What the summary reads of a claim or of a relation's end. */
const endSelect = { id: true, exact: true, isClaim: true, sourceId: true, source: { select: { outletId: true, outlet: { select: { name: true } } } } } as const;

export type RelationReport = Awaited<ReturnType<typeof getRelationReport>>;
