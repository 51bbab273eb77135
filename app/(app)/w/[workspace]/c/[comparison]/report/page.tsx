import type { Metadata } from "next";
import { headers } from "next/headers";
import { ReportFilters } from "@/app/_components/report/report-filters";
import { ReportView } from "@/app/_components/report/report-view";
import { formatDate } from "@/lib/format";
import { reportQueryString } from "@/lib/domain/report/filters";
import { requireSessionUser } from "@/lib/server/auth/session";
import { publicOrigin } from "@/lib/server/export/urls";
import { orNotFound } from "@/lib/server/page";
import { canEditComparisons } from "@/lib/server/permissions";
import { readReportFilters } from "@/lib/server/reports/filters";
import { getReport } from "@/lib/server/reports/get-report";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { findReportShare } from "@/lib/server/services/report-shares/find-report-share";
import { PublishPanel } from "./publish-panel";

type Props = {
  params: Promise<{ workspace: string; comparison: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Report" };

/** The address readers use: the configured public one, or the one this request came in on. */
async function shareOrigin() {
  const list = await headers();
  return publicOrigin(`${list.get("x-forwarded-proto") ?? "http"}://${list.get("host")}`);
}

export default async function ReportPage({ params, searchParams }: Props) {
  const { workspace: workspaceSlug, comparison: comparisonSlug } = await params;
  const path = `/w/${workspaceSlug}/c/${comparisonSlug}/report`;
  const user = await requireSessionUser(path);
  const { workspace, comparison } = await orNotFound(requireComparison(user, workspaceSlug, comparisonSlug));
  const { filters, error } = readReportFilters(await searchParams);
  const [report, share] = await Promise.all([orNotFound(getReport(user, comparison.id, filters)), findReportShare(user, comparison.id)]);

  // csv and jsonld carry the reviewers' annotations: the curated layer is counted in md and pdf only.
  const exportHref = (format: string) => {
    const query = reportQueryString(format === "csv" || format === "jsonld" ? { ...report.filters, layer: "all" } : report.filters);
    return `/api/comparisons/${comparison.id}/export?format=${format}${query ? `&${query}` : ""}`;
  };
  return (
    <>
      <PublishPanel
        comparisonId={comparison.id}
        canPublish={canEditComparisons(workspace.role) && workspace.kind === "TEAM"}
        share={share ? { url: `${await shareOrigin()}/r/${share.token}`, createdAt: formatDate(share.createdAt), createdBy: share.createdBy.name } : null}
      />
      <ReportView
        report={report}
        filters={<ReportFilters action={path} choices={report.choices} filters={report.filters} error={error} />}
        downloads={[
          { label: "CSV", href: exportHref("csv") },
          { label: "JSON-LD", href: exportHref("jsonld") },
          { label: "Markdown", href: exportHref("md") },
          { label: "PDF", href: exportHref("pdf") },
        ]}
      />
    </>
  );
}
