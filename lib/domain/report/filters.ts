import type { AppliedReportFilters, ReportFilters } from "./types";

/** What the report's method says it counts, per layer (page, Markdown and PDF alike). */
export const LAYER_TEXT = {
  all: "Counted: every reviewer's annotations.",
  curated: "Counted: the curated layer only (the spans editors accepted in the merge view, each once).",
} as const;

/** The filters as data, with dates as ISO strings. */
export function appliedFilters(filters: ReportFilters): AppliedReportFilters {
  return {
    outletIds: filters.outletIds ?? [],
    tagSetIds: filters.tagSetIds ?? [],
    reviewerIds: filters.reviewerIds ?? [],
    from: filters.from?.toISOString() ?? null,
    to: filters.to?.toISOString() ?? null,
    layer: filters.layer ?? "all",
  };
}

/**
 * The query string (without "?") that selects the same report again: the parameters the
 * report page, the share page and the export downloads read (see lib/schemas/report.ts).
 */
export function reportQueryString(filters: AppliedReportFilters): string {
  const params = new URLSearchParams();
  for (const id of filters.outletIds) params.append("outlet", id);
  for (const id of filters.tagSetIds) params.append("tagSet", id);
  for (const id of filters.reviewerIds) params.append("reviewer", id);
  if (filters.from) params.set("from", filters.from.slice(0, 10));
  if (filters.to) params.set("to", filters.to.slice(0, 10));
  if (filters.layer === "curated") params.set("layer", "curated");
  return params.toString();
}

/** Whether any filter narrows the report. */
export function isFiltered(filters: AppliedReportFilters): boolean {
  return filters.outletIds.length + filters.tagSetIds.length + filters.reviewerIds.length > 0 || filters.from !== null || filters.to !== null || filters.layer !== "all";
}
