import "server-only";
import { csvChunks } from "@/lib/domain/export/csv";
import { toLinkingAnnotation } from "@/lib/domain/export/linking-annotation";
import { annotationCollectionChunks } from "@/lib/domain/export/web-annotation";
import { appliedFilters, reportQueryString } from "@/lib/domain/report/filters";
import type { ReportFilters } from "@/lib/domain/report/types";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { getReport } from "@/lib/server/reports/get-report";
import { reportToMarkdown } from "@/lib/server/reports/markdown";
import { reportToPdf } from "@/lib/server/reports/pdf";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { CORPUS_FORMATS, isCorpusFormat } from "./corpus-formats";
import { openAnnotationExport } from "./export-annotations";
import { corpusFilename, CORPUS_CONTENT_TYPES, exportCorpusBytes } from "./export-corpus";
import { exportDocuments, zipFiles } from "./export-documents";
import { bytesStream, textStream } from "./text-stream";
import { exportUrl, relationUrl, webAnnotationUrls } from "./urls";

/**
 * The formats a comparison exports to: its annotations (csv, jsonld), its report (md, pdf),
 * its sources with their annotations as a zip of brat or WebAnno TSV files, or its texts with
 * their annotations in a corpus format (Label Studio, doccano, PTC).
 */
export const EXPORT_FORMATS = ["csv", "jsonld", "md", "pdf", "brat", "webanno", ...CORPUS_FORMATS] as const;
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
  /** `<comparison-slug>.<format>`, `<comparison-slug>-<format>.zip` for brat and WebAnno TSV (for the corpus formats, see corpusFilename) */
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
  ...CORPUS_CONTENT_TYPES,
  csv: "text/csv; charset=utf-8; header=present",
  // The media type the W3C Web Annotation Protocol gives annotations.
  jsonld: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
  brat: "application/zip",
  webanno: "application/zip",
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
    throw new AppError("INVALID_INPUT", "The curated layer is counted in the report (format=md or pdf); the other formats export the reviewers' annotations, without layer=curated.", { layer: "Use md or pdf for the curated layer." });
  }
  if (isCorpusFormat(format)) {
    const { comparison, bytes } = await exportCorpusBytes(actor, comparisonId, format, filters);
    return { filename: corpusFilename(comparison.slug, format), contentType: CONTENT_TYPES[format], body: bytesStream(bytes) };
  }
  if (format === "brat" || format === "webanno") {
    const { comparison, files } = await exportDocuments(actor, comparisonId, format, filters);
    return { filename: `${comparison.slug}-${format}.zip`, contentType: CONTENT_TYPES[format], body: bytesStream(zipFiles(files)) };
  }
  const { comparison, batches, relations } = await openAnnotationExport(actor, comparisonId, filters);
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
      const urls = webAnnotationUrls(origin, comparison);
      const iris = { ...urls, relation: (id: string) => relationUrl(origin, comparison.id, id) };
      return file(annotationCollectionChunks(info, batches, urls, () => relations.map((r) => toLinkingAnnotation(r, iris))));
    }
  }
}
