import "server-only";
import { zipSync, strToU8 } from "fflate";
import { writeBrat } from "@/lib/domain/export/brat";
import { documentStem, type ExportDocument, type TextFile } from "@/lib/domain/export/documents";
import type { ExportedAnnotation } from "@/lib/domain/export/types";
import { writeWebAnno } from "@/lib/domain/export/webanno-tsv";
import { outletKey } from "@/lib/domain/report/build-report";
import type { ReportFilters } from "@/lib/domain/report/types";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";
import { openAnnotationExport } from "./export-annotations";
import type { DocumentFormat } from "./import-document-files";

export interface DocumentExport {
  comparison: { id: string; slug: string };
  /** Paths start with the comparison's slug: unzipped, the files land in one folder. */
  files: TextFile[];
  /** Annotations left out because they are not on their source's current text (orphans, older revisions). */
  leftOut: number;
  /** Relations left out: across two sources (neither format can link documents), or with an end left out. */
  relationsLeftOut: number;
}

/**
 * A comparison's sources with the annotations an actor may export (the same ones, with the
 * same filters, as the CSV and JSON-LD), as brat or WebAnno TSV files: one document per
 * source, its current text and the annotations placed on it, with the relations between
 * annotations of the same source. Built whole: the files need
 * each source's complete text and tokens.
 */
export async function exportDocuments(actor: Actor, comparisonId: string, format: DocumentFormat, filters: ReportFilters = {}): Promise<DocumentExport> {
  const { comparison, batches, relations } = await openAnnotationExport(actor, comparisonId, filters);
  const sources = await db().source.findMany({
    where: { comparisonId: comparison.id, comparison: { workspace: hasMember(actor) } },
    orderBy: { position: "asc" },
    select: { id: true, title: true, outlet: { select: { id: true } }, currentRevision: { select: { number: true, text: true } } },
  });
  const outlets = filters.outletIds?.length ? new Set(filters.outletIds) : null;
  const bySource = new Map<string, ExportedAnnotation[]>();
  for await (const batch of batches) {
    for (const a of batch) {
      if (!bySource.has(a.source.id)) bySource.set(a.source.id, []);
      bySource.get(a.source.id)!.push(a);
    }
  }

  let leftOut = 0;
  const documents: ExportDocument[] = sources
    .map((source, position) => ({ source, position }))
    .filter(({ source }) => source.currentRevision && (!outlets || outlets.has(outletKey(source))))
    .map(({ source, position }) => {
      const all = bySource.get(source.id) ?? [];
      const placed = all.filter((a) => a.anchor.status !== "ORPHANED" && a.revision === source.currentRevision!.number);
      leftOut += all.length - placed.length;
      return { stem: documentStem(position, source.title), title: source.title, text: source.currentRevision!.text, annotations: placed };
    });
  const documentOf = new Map(documents.flatMap((d) => d.annotations.map((a) => [a.id, d.stem])));
  const relationsLeftOut = relations.filter((r) => !documentOf.has(r.fromId) || documentOf.get(r.fromId) !== documentOf.get(r.toId)).length;
  const files = format === "brat" ? writeBrat(comparison.slug, documents) : writeWebAnno(comparison.slug, documents);
  return { comparison: { id: comparison.id, slug: comparison.slug }, files, leftOut, relationsLeftOut };
}

/** The files as one zip, in their order. */
export function zipFiles(files: readonly TextFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.text)])), { level: 6 });
}
