"use server";

import { publicCall } from "@/lib/server/action";
import { parseReportFilters } from "@/lib/server/reports/filters";
import { findReportCellAnnotations } from "@/lib/server/reports/find-report-annotations";
import { publishedReportScope } from "@/lib/server/reports/get-report";

/** The annotations behind one figure of a published report, for anyone holding its link, while it stands. */
export const fetchSharedReportCellAction = publicCall(async (token: string, query: string, cell: unknown) =>
  findReportCellAnnotations(await publishedReportScope(token), parseReportFilters(new URLSearchParams(query)), cell),
);
