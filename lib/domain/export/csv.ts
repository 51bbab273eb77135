import type { ExportedAnnotation } from "./types";

/**
 * Annotations as CSV: one row per annotation (its relations in the last two columns), RFC 4180 (fields with a comma, quote, CR or
 * LF in double quotes, quotes doubled, CRLF after every row), UTF-8 with a byte order mark
 * so that Excel reads it as UTF-8 rather than the system's code page. docs/export.md
 * describes the columns.
 */

/** Joins the values of a list cell (tags, tag sets, evidence links). */
export const LIST_SEPARATOR = "; ";

const BOM = "\uFEFF";
const CRLF = "\r\n";

const lower = (value: string | null | undefined) => (value ? value.toLowerCase().replaceAll("_", " ") : "");

/** The columns in order: header, then how each annotation fills it. */
export const CSV_COLUMNS: ReadonlyArray<{ header: string; value: (a: ExportedAnnotation) => string }> = [
  { header: "annotation_id", value: (a) => a.id },
  { header: "source_title", value: (a) => a.source.title },
  { header: "outlet", value: (a) => a.source.outlet ?? "" },
  { header: "source_url", value: (a) => a.source.url ?? "" },
  { header: "source_revision", value: (a) => String(a.revision) },
  { header: "quote", value: (a) => a.exact },
  { header: "start", value: (a) => String(a.start) },
  { header: "end", value: (a) => String(a.end) },
  { header: "tags", value: (a) => a.tags.map((t) => t.name).join(LIST_SEPARATOR) },
  { header: "tag_sets", value: (a) => a.tags.map((t) => t.tagSet).join(LIST_SEPARATOR) },
  { header: "comment", value: (a) => a.comment ?? "" },
  { header: "claim", value: (a) => (a.claim ? "yes" : "no") },
  { header: "claim_asserter", value: (a) => lower(a.claim?.asserter) },
  { header: "asserted_by", value: (a) => a.claim?.assertedBy ?? "" },
  { header: "claim_status", value: (a) => lower(a.claim?.status) },
  { header: "evidence_urls", value: (a) => a.claim?.evidence.join(LIST_SEPARATOR) ?? "" },
  { header: "author", value: (a) => a.author.name },
  { header: "created", value: (a) => a.created.toISOString() },
  { header: "modified", value: (a) => a.modified.toISOString() },
  { header: "anchor_status", value: (a) => lower(a.anchor.status) },
  { header: "links_to", value: (a) => linkCell(a, "to") },
  { header: "linked_from", value: (a) => linkCell(a, "from") },
  { header: "curated", value: (a) => a.curated ?? "" },
];

/** An annotation's relations in one direction: "has evidence: <annotation_id>; contradicts: <annotation_id>". */
function linkCell(a: ExportedAnnotation, direction: "to" | "from"): string {
  return (a.links ?? []).filter((l) => l.direction === direction).map((l) => `${l.type}: ${l.annotationId}`).join(LIST_SEPARATOR);
}

/**
 * Characters that make Excel, LibreOffice and Google Sheets read a cell as a formula
 * (tab and CR too: some programs strip them and then see the "=" behind). A cell that
 * starts with one gets a leading apostrophe, the spreadsheet convention for "this is
 * text" (OWASP's advice against CSV injection): a quote like "=HYPERLINK(…)" from an
 * article stays text instead of running when the file is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: neutralised against formulas, then quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",") + CRLF;
}

export function csvRow(annotation: ExportedAnnotation): string {
  return csvLine(CSV_COLUMNS.map((column) => column.value(annotation)));
}

/**
 * The whole file as text chunks: the byte order mark and header first, then one chunk per
 * batch, so a caller streaming batches from the database holds one batch at a time.
 */
export async function* csvChunks(batches: AsyncIterable<readonly ExportedAnnotation[]>): AsyncGenerator<string> {
  yield BOM + csvLine(CSV_COLUMNS.map((column) => column.header));
  for await (const batch of batches) {
    if (batch.length > 0) yield batch.map(csvRow).join("");
  }
}
