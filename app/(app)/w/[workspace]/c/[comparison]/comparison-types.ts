import type { SharedQuotation } from "@/lib/domain/alignment";
import type { ComparisonView } from "@/lib/server/services/comparisons/get-comparison-by-slug";

export type Where = { workspace: string; comparison: string };

export interface ViewSource {
  id: string;
  title: string;
  outlet: string;
  revision: number;
  text: string;
  /** BCP 47 tag of the text's language; sets lang and dir on the column. */
  language: string | null;
}

export interface ViewRow {
  id: string;
  label: string;
  passages: { id: string; sourceId: string; start: number; end: number; exact: string; orphaned: boolean }[];
}

export interface ViewQuotation {
  quote: string;
  occurrences: { sourceId: string; start: number; end: number }[];
}

/** Plain, serializable props for the client views, built from the service's answer. */
export function toViewProps(view: ComparisonView) {
  const sources: ViewSource[] = view.comparison.sources.map((s) => ({
    id: s.id,
    title: s.title,
    outlet: s.outlet?.name ?? "Unknown outlet",
    revision: s.currentRevision?.number ?? 0,
    text: s.currentRevision?.text ?? "",
    language: s.language,
  }));
  const rows: ViewRow[] = view.comparison.factRows.map((row) => ({
    id: row.id,
    label: row.label,
    passages: row.passages.map((p) => ({
      id: p.id,
      sourceId: p.sourceId,
      start: p.start,
      end: p.end,
      exact: p.exact,
      orphaned: p.anchorStatus === "ORPHANED",
    })),
  }));
  return { sources, rows };
}

export function toViewQuotations(shared: SharedQuotation[]): ViewQuotation[] {
  return shared.map((q) => ({
    quote: q.quote,
    occurrences: q.occurrences.map(({ sourceId, start, end }) => ({ sourceId, start, end })),
  }));
}
