import type { ClaimStatusValue, ReportAnnotation, ReportClaim } from "./types";

const STATUS_ORDER: readonly ClaimStatusValue[] = ["UNVERIFIED", "SUPPORTED", "DISPUTED", "FALSE"];

interface Span {
  sourceId: string;
  start: number;
  end: number;
}

interface Row {
  id: string;
  label: string;
  passages: Span[];
}

/** Wording compared without case, spacing or punctuation: "Ten  died." and "ten died" match. */
export function claimWording(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

function asserterKey(a: ReportAnnotation): string {
  return `${a.claim?.asserter ?? ""}|${a.claim?.assertedBy?.trim().toLocaleLowerCase() ?? ""}`;
}

/**
 * Groups claim annotations into claims. Two claim annotations are one claim when they name
 * the same asserter (the outlet itself, or the same quoted party ignoring case) and either
 * quote the same wording (see {@link claimWording}) or overlap passages of the same fact
 * row, i.e. the outlets tell the same fact and attribute it to the same party. The grouping
 * is transitive. Outlets that carry a claim are those with an annotation in its group.
 *
 * `spans` gives the position of annotations anchored on their source's current text;
 * others can match by wording only. `outletOrder` orders the carriers and the claims.
 */
export function groupClaims(claimAnnotations: ReportAnnotation[], rows: Row[], spans: ReadonlyMap<string, Span>, outletOrder: string[]): ReportClaim[] {
  const items = [...claimAnnotations].sort(
    (a, b) => outletOrder.indexOf(a.outletId) - outletOrder.indexOf(b.outletId) || (spans.get(a.id)?.start ?? 0) - (spans.get(b.id)?.start ?? 0),
  );
  const rowsOf = items.map((a) => {
    const span = spans.get(a.id);
    if (!span) return [];
    return rows.filter((row) => row.passages.some((p) => p.sourceId === span.sourceId && p.start < span.end && span.start < p.end));
  });

  const asserters = items.map(asserterKey);
  const wordings = items.map((a) => claimWording(a.quote));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (asserters[i] !== asserters[j]) continue;
      const sameRow = rowsOf[i]!.some((row) => rowsOf[j]!.includes(row));
      if (wordings[i] === wordings[j] || sameRow) parent[find(j)] = find(i);
    }
  }

  const groups = new Map<number, number[]>();
  items.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));

  return [...groups.values()].map((members) => {
    const first = items[members[0]!]!;
    const carriers = new Map<string, { outletId: string; quotes: string[]; annotationIds: string[] }>();
    for (const i of members) {
      const a = items[i]!;
      const carrier = carriers.get(a.outletId) ?? { outletId: a.outletId, quotes: [], annotationIds: [] };
      if (!carrier.quotes.includes(a.quote)) carrier.quotes.push(a.quote);
      carrier.annotationIds.push(a.id);
      carriers.set(a.outletId, carrier);
    }
    const statuses = new Set(members.map((i) => items[i]!.claim?.status).filter((s): s is ClaimStatusValue => Boolean(s)));
    const row = members.map((i) => rowsOf[i]![0]).find(Boolean);
    return {
      id: first.id,
      quote: first.quote,
      asserter: first.claim?.asserter ?? null,
      assertedBy: first.claim?.assertedBy ?? null,
      statuses: STATUS_ORDER.filter((s) => statuses.has(s)),
      evidence: [...new Set(members.flatMap((i) => items[i]!.claim?.evidence ?? []))],
      factRow: row ? { id: row.id, label: row.label } : null,
      carriedBy: [...carriers.values()],
    };
  });
}
