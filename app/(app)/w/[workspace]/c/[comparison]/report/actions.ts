"use server";

import { revalidatePath } from "next/cache";
import { userAction, userCall } from "@/lib/server/action";
import { describeImport, importUploadedFiles } from "@/lib/server/export/import-uploaded-files";
import { parseReportFilters } from "@/lib/server/reports/filters";
import { findReportCellAnnotations } from "@/lib/server/reports/find-report-annotations";
import { reportScope } from "@/lib/server/reports/get-report";
import { publishReport, revokeReportShare } from "@/lib/server/services/report-shares/publish-report";

const REPORT_PAGE = "/w/[workspace]/c/[comparison]/report";

export const publishReportAction = userAction(async (user, form) => {
  await publishReport(user, String(form.get("comparisonId") ?? ""));
  revalidatePath(REPORT_PAGE, "page");
  return { ok: true, message: "Published. Anyone with the link can read the report." };
});

export const revokeReportShareAction = userAction(async (user, form) => {
  await revokeReportShare(user, String(form.get("comparisonId") ?? ""));
  revalidatePath(REPORT_PAGE, "page");
  return { ok: true, message: "The link is withdrawn: it now says the report is no longer available." };
});

export const importAnnotationsAction = userAction(async (user, form) => {
  const files = await Promise.all(
    form
      .getAll("file")
      .filter((file): file is File => file instanceof File && file.size > 0)
      .map(async (file) => ({ path: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const report = await importUploadedFiles(user, String(form.get("comparisonId") ?? ""), String(form.get("format") ?? ""), files);
  revalidatePath(REPORT_PAGE, "page");
  return { ok: true, message: describeImport(report) };
});

/** The annotations behind one figure of the report under its filters (`query`: the report's query string), a page at a time. */
export const fetchReportCellAction = userCall(async (user, comparisonId: string, query: string, cell: unknown) =>
  findReportCellAnnotations(await reportScope(user, comparisonId), parseReportFilters(new URLSearchParams(query)), cell),
);
