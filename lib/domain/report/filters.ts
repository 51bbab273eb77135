import type { AppliedReportFilters, ReportFilters } from "./types";

/** The filters as data, with dates as ISO strings. */
export function appliedFilters(filters: ReportFilters): AppliedReportFilters {
  return {
    outletIds: filters.outletIds ?? [],
    tagSetIds: filters.tagSetIds ?? [],
    reviewerIds: filters.reviewerIds ?? [],
    from: filters.from?.toISOString() ?? null,
    to: filters.to?.toISOString() ?? null,
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
  return params.toString();
}

/** Whether any filter narrows the report. */
export function isFiltered(filters: AppliedReportFilters): boolean {
  return filters.outletIds.length + filters.tagSetIds.length + filters.reviewerIds.length > 0 || filters.from !== null || filters.to !== null;
}
