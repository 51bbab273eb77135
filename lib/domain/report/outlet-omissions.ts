import type { ReportOmission, ReportOutlet, ReportOutletOmissions } from "./types";

/** Passages Align all found no counterpart for, at its threshold (see ReportInput.alignment). */
export interface AlignmentExclusives {
  minScore: number;
  passages: { sourceId: string; start: number; end: number; text: string }[];
}

interface CurrentPassage {
  sourceId: string;
  start: number;
  end: number;
}

/**
 * Per covered outlet: the fact rows it leaves out, and the passages only it reports. A
 * passage counts as only its outlet's when Align all found no passage of another source
 * scoring at least the threshold with it, and no fact row puts it beside another covered
 * outlet's passage (the editor's judgement wins over the aligner's).
 */
export function outletOmissions(
  outlets: readonly ReportOutlet[],
  omissions: readonly ReportOmission[],
  sharedPassages: readonly CurrentPassage[],
  alignment: AlignmentExclusives | null,
): ReportOutletOmissions {
  const outletOfSource = new Map(outlets.flatMap((o) => o.sources.map((s) => [s.id, o.id] as const)));
  const sourceOrder = [...outletOfSource.keys()];
  const shared = (p: CurrentPassage) => sharedPassages.some((q) => q.sourceId === p.sourceId && q.start < p.end && p.start < q.end);
  const exclusives = (alignment?.passages ?? [])
    .filter((p) => outletOfSource.has(p.sourceId) && !shared(p))
    .sort((a, b) => sourceOrder.indexOf(a.sourceId) - sourceOrder.indexOf(b.sourceId) || a.start - b.start);
  return {
    minScore: alignment?.minScore ?? null,
    outlets: outlets.map((o) => ({
      outletId: o.id,
      leavesOut: omissions.filter((row) => row.missingFrom.includes(o.id)).map((row) => ({ factRowId: row.factRowId, label: row.label })),
      onlyHere: exclusives.filter((p) => outletOfSource.get(p.sourceId) === o.id).map(({ sourceId, start, end, text }) => ({ sourceId, start, end, text })),
    })),
  };
}

/** The sentence every rendering states the threshold with. */
export function onlyHereRule(minScore: number): string {
  return `Passages with no counterpart scoring ≥ ${minScore.toFixed(2)} in another outlet (Align all's similarity, where 1 is the same wording), and in no fact row with another outlet.`;
}
