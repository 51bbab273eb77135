import type { Metadata } from "next";
import { headers } from "next/headers";
import { ReportFilters } from "@/app/_components/report/report-filters";
import { ReportView } from "@/app/_components/report/report-view";
import { formatDate } from "@/lib/format";
import { pageNumber } from "@/lib/domain/paging/page";
import { reportQueryString } from "@/lib/domain/report/filters";
import { requireSessionUser } from "@/lib/server/auth/session";
import { publicOrigin } from "@/lib/server/export/urls";
import { orNotFound } from "@/lib/server/page";
import { canAnnotate, canEditComparisons } from "@/lib/server/permissions";
import { readReportFilters } from "@/lib/server/reports/filters";
import { getRelationReport } from "@/lib/server/reports/get-relation-report";
import { getReportSummary } from "@/lib/server/reports/get-report";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { findReportShare } from "@/lib/server/services/report-shares/find-report-share";
import { ImportCorpusForm } from "./import-corpus-form";
import { ImportAnnotationsForm } from "./import-annotations-form";
import { fetchReportCellAction } from "./actions";
import { PublishPanel } from "./publish-panel";
import { RelationSummary } from "./relation-summary";

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
  const query = await searchParams;
  const { filters, error } = readReportFilters(query);
  const [report, share, relationReport] = await Promise.all([
    orNotFound(getReportSummary(user, comparison.id, filters)),
    findReportShare(user, comparison.id),
    getRelationReport(user, comparison.id),
  ]);

  const filterQuery = reportQueryString(report.filters);
  // The annotation formats carry the reviewers' annotations: the curated layer is counted in md and pdf only.
  const exportHref = (format: string) => {
    const shown = reportQueryString(format === "md" || format === "pdf" ? report.filters : { ...report.filters, layer: "all" });
    return `/api/comparisons/${comparison.id}/export?format=${format}${shown ? `&${shown}` : ""}`;
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
        loadCell={fetchReportCellAction.bind(null, comparison.id, filterQuery)}
        claimsPage={pageNumber(query.claims)}
        claimsHref={(n) => `?${filterQuery ? `${filterQuery}&` : ""}claims=${n}#claims`}
        downloads={[
          { label: "CSV", href: exportHref("csv") },
          { label: "JSON-LD", href: exportHref("jsonld") },
          { label: "Markdown", href: exportHref("md") },
          { label: "PDF", href: exportHref("pdf") },
          { label: "brat (zip)", href: exportHref("brat") },
          { label: "WebAnno TSV (zip)", href: exportHref("webanno") },
          { label: "Label Studio", href: exportHref("labelstudio") },
          { label: "doccano", href: exportHref("doccano") },
          { label: "PTC (zip)", href: exportHref("ptc") },
        ]}
      />
      {canAnnotate(workspace.role) ? <ImportAnnotationsForm comparisonId={comparison.id} /> : null}
      {canAnnotate(workspace.role) ? <ImportCorpusForm workspace={workspaceSlug} comparison={comparisonSlug} comparisonId={comparison.id} /> : null}
      <RelationSummary
        report={relationReport}
        annotatePath={`/w/${workspaceSlug}/c/${comparisonSlug}/annotate`}
        unevidencedPage={pageNumber(query.unevidenced)}
        unevidencedHref={(n) => `?${filterQuery ? `${filterQuery}&` : ""}unevidenced=${n}#report-relations`}
      />
    </>
  );
}
