import "server-only";
import { csvChunks } from "@/lib/domain/export/csv";
import { annotationCollectionChunks } from "@/lib/domain/export/web-annotation";
import { appliedFilters, reportQueryString } from "@/lib/domain/report/filters";
import type { ReportFilters } from "@/lib/domain/report/types";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { getReport } from "@/lib/server/reports/get-report";
import { reportToMarkdown } from "@/lib/server/reports/markdown";
import { reportToPdf } from "@/lib/server/reports/pdf";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { openAnnotationExport } from "./export-annotations";
import { bytesStream, textStream } from "./text-stream";
import { exportUrl, webAnnotationUrls } from "./urls";

/** The formats a comparison exports to, by their file extension: its annotations (csv, jsonld) or its report (md, pdf). */
export const EXPORT_FORMATS = ["csv", "jsonld", "md", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function assertExportFormat(value: string | null | undefined): ExportFormat {
  if (value && isExportFormat(value)) return value;
  throw new AppError(
    "INVALID_INPUT",
    `${value ? `“${value}” is not an export format` : "Name an export format"}: choose one of ${EXPORT_FORMATS.join(", ")}.`,
    { format: `Use ${EXPORT_FORMATS.join(", ")}.` },
  );
}

export interface ExportFile {
  /** `<comparison-slug>.<format>` */
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

export interface ExportOptions {
  filters?: ReportFilters;
  /** The app's public address, which the JSON-LD ids are built on (see publicOrigin). */
  origin: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  // The media type the W3C Web Annotation Protocol gives annotations.
  jsonld: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
};

/**
 * A comparison as a file in one of the export formats, for a member of its workspace
 * (others get not found, before anything is written). The annotation formats stream: they
 * are produced while they are read. The report is built whole (it is one document of
 * aggregates), then rendered.
 */
export async function exportComparison(actor: Actor, comparisonId: string, format: ExportFormat, { filters = {}, origin }: ExportOptions): Promise<ExportFile> {
  if (format === "md" || format === "pdf") {
    const { comparison } = await requireComparisonById(actor, comparisonId);
    const report = await getReport(actor, comparison.id, filters);
    const bytes = format === "md" ? new TextEncoder().encode(reportToMarkdown(report)) : await reportToPdf(report);
    return { filename: `${comparison.slug}.${format}`, contentType: CONTENT_TYPES[format], body: bytesStream(bytes) };
  }
  if (filters.layer === "curated") {
    throw new AppError("INVALID_INPUT", "The curated layer is counted in the report (format=md or pdf); csv and jsonld export the reviewers' annotations, without layer=curated.", { layer: "Use md or pdf for the curated layer." });
  }
  const { comparison, batches } = await openAnnotationExport(actor, comparisonId, filters);
  const file = (chunks: AsyncIterable<string>) => ({
    filename: `${comparison.slug}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: textStream(chunks),
  });
  switch (format) {
    case "csv":
      return file(csvChunks(batches));
    case "jsonld": {
      const info = {
        id: exportUrl(origin, comparison.id, format, reportQueryString(appliedFilters(filters))),
        label: comparison.title,
        generated: new Date(),
      };
      return file(annotationCollectionChunks(info, batches, webAnnotationUrls(origin, comparison)));
    }
  }
}
