import type { Metadata } from "next";
import { ReportFilters } from "@/app/_components/report/report-filters";
import { ReportView } from "@/app/_components/report/report-view";
import { pageNumber } from "@/lib/domain/paging/page";
import { reportQueryString } from "@/lib/domain/report/filters";
import { orNotFound } from "@/lib/server/page";
import { readReportFilters } from "@/lib/server/reports/filters";
import { getPublishedReportSummary } from "@/lib/server/reports/get-report";
import { fetchSharedReportCellAction } from "./actions";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// A share link is for the people it was given to, not for search engines.
export const metadata: Metadata = { title: "Framing report", robots: { index: false, follow: false } };

/** A published report, read-only, for anyone holding the link; filters work as for members. */
export default async function SharedReportPage({ params, searchParams }: Props) {
  const { token } = await params;
  const path = `/r/${encodeURIComponent(token)}`;
  const shown = await searchParams;
  const { filters, error } = readReportFilters(shown);
  const report = await orNotFound(getPublishedReportSummary(token, filters));
  const query = reportQueryString(report.filters);
  const download = (format: string) => `${path}/download?format=${format}${query ? `&${query}` : ""}`;
  return (
    <ReportView
      report={report}
      filters={<ReportFilters action={path} choices={report.choices} filters={report.filters} error={error} />}
      loadCell={fetchSharedReportCellAction.bind(null, token, query)}
      claimsPage={pageNumber(shown.claims)}
      claimsHref={(n) => `?${query ? `${query}&` : ""}claims=${n}#claims`}
      downloads={[
        { label: "Markdown", href: download("md") },
        { label: "PDF", href: download("pdf") },
      ]}
    />
  );
}
