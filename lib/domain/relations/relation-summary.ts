/**
 * What the report says about relations: how many claims have evidence, and which claims
 * another outlet's annotation contradicts. Plain data in, plain data out.
 */

export interface SummaryAnnotation {
  id: string;
  /** The outlet of the annotation's source (its id, or the source's when it has no outlet). */
  outlet: string;
  isClaim: boolean;
  /** Evidence links (URLs) recorded on the claim itself. */
  evidenceLinks: number;
}

export interface SummaryRelation {
  fromId: string;
  toId: string;
  /** The type's stable key; null for a type an editor added. */
  typeKey: string | null;
}

export interface ContradictedClaim {
  claimId: string;
  /** The other outlets whose annotations contradict it (or that it contradicts), in first-seen order. */
  byOutlets: string[];
}

export interface RelationSummary {
  claims: number;
  /** Claims with an "evidence" relation from them, or an evidence link of their own. */
  withEvidence: string[];
  withoutEvidence: string[];
  /** "contradicts" runs either way: a claim is contradicted whichever end of the link it is. */
  contradictedAcrossOutlets: ContradictedClaim[];
}

/**
 * Relations whose ends are not among `annotations` (hidden from the reader, deleted) are
 * ignored, so the summary never counts what the reader cannot see.
 */
export function summarizeRelations(annotations: SummaryAnnotation[], relations: SummaryRelation[]): RelationSummary {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const evidenced = new Set<string>();
  const contradictedBy = new Map<string, string[]>();
  const addContradiction = (claim: SummaryAnnotation, other: SummaryAnnotation) => {
    if (!claim.isClaim || claim.outlet === other.outlet) return;
    const outlets = contradictedBy.get(claim.id) ?? [];
    if (!outlets.includes(other.outlet)) outlets.push(other.outlet);
    contradictedBy.set(claim.id, outlets);
  };
  for (const relation of relations) {
    const from = byId.get(relation.fromId);
    const to = byId.get(relation.toId);
    if (!from || !to || from.id === to.id) continue;
    if (relation.typeKey === "evidence") evidenced.add(from.id);
    if (relation.typeKey === "contradicts") {
      addContradiction(from, to);
      addContradiction(to, from);
    }
  }
  const claims = annotations.filter((a) => a.isClaim);
  const hasEvidence = (a: SummaryAnnotation) => evidenced.has(a.id) || a.evidenceLinks > 0;
  return {
    claims: claims.length,
    withEvidence: claims.filter(hasEvidence).map((a) => a.id),
    withoutEvidence: claims.filter((a) => !hasEvidence(a)).map((a) => a.id),
    contradictedAcrossOutlets: claims.filter((a) => contradictedBy.has(a.id)).map((a) => ({ claimId: a.id, byOutlets: contradictedBy.get(a.id)! })),
  };
}
