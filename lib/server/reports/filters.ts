import "server-only";
import type { ReportFilters } from "@/lib/domain/report/types";
import { ZReportQuery } from "@/lib/schemas/report";
import { isAppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";

type Query = URLSearchParams | Record<string, string | string[] | undefined>;

/** Report filters from a request's query (or a page's searchParams); bad values are INVALID_INPUT. */
export function parseReportFilters(query: Query): ReportFilters {
  const all = (key: string) => {
    const value = query instanceof URLSearchParams ? query.getAll(key) : query[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  return parseInput(ZReportQuery, {
    outlet: all("outlet"),
    tagSet: all("tagSet"),
    reviewer: all("reviewer"),
    // A repeated date keeps its first value, as a browser form would send only one.
    from: all("from")[0],
    to: all("to")[0],
    layer: all("layer")[0] || undefined,
  });
}

/**
 * For pages: the filters, or none and the reason when the query is malformed (a hand-edited
 * address), so the page can show the whole report and say what to fix.
 */
export function readReportFilters(query: Query): { filters: ReportFilters; error?: string } {
  try {
    return { filters: parseReportFilters(query) };
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID_INPUT") return { filters: {}, error: `${error.message} The report below is not filtered.` };
    throw error;
  }
}
