import "server-only";
import { zipSync, strToU8 } from "fflate";
import { writeDoccano } from "@/lib/domain/export/doccano";
import { writeLabelStudio } from "@/lib/domain/export/label-studio";
import type { LabelledDocument } from "@/lib/domain/export/labelled-documents";
import { isArticleId, writePtc, type CorpusFile } from "@/lib/domain/export/ptc";
import { outletKey } from "@/lib/domain/report/build-report";
import type { ReportFilters } from "@/lib/domain/report/types";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { hasMember } from "@/lib/server/permissions";
import type { CorpusFormat } from "./corpus-formats";
import { openAnnotationExport } from "./export-annotations";

export interface CorpusExport {
  comparison: { slug: string; title: string };
  documents: LabelledDocument[];
  /** Annotations not on their source's current text (orphans, or not yet re-anchored): these formats carry only that text. */
  notOnCurrentText: number;
}

/**
 * A comparison's sources as corpus documents: each source's current text with the
 * annotations the actor may export on it (the same ones, narrowed by the same report
 * filters, as the CSV and JSON-LD exports). A document is named by the id its article had
 * in the corpus it came from, else by the next number (1, 2, …) no other document uses;
 * reviewers by their names (their email addresses stay in the workspace).
 */
export async function readCorpusExport(actor: Actor, comparisonId: string, filters: ReportFilters = {}): Promise<CorpusExport> {
  const { comparison, batches } = await openAnnotationExport(actor, comparisonId, filters);
  const found = await db().comparison.findFirst({
    where: { id: comparison.id, workspace: hasMember(actor) },
    select: {
      sources: {
        orderBy: { position: "asc" },
        select: { id: true, title: true, corpusId: true, outlet: { select: { id: true } }, currentRevision: { select: { number: true, text: true } } },
      },
    },
  });
  if (!found) throw notFound("That comparison");
  const outlets = filters.outletIds?.length ? new Set(filters.outletIds) : null;
  const sources = found.sources.filter((s) => s.currentRevision && (!outlets || outlets.has(outletKey(s))));
  const ids = sources.map((s) => s.corpusId).filter((id): id is string => id !== null && isArticleId(id));
  const usable = new Set(ids.filter((id) => ids.indexOf(id) === ids.lastIndexOf(id)));
  const taken = new Set(usable);
  let column = 0;
  const documents = new Map<string, LabelledDocument>();
  for (const source of sources) {
    let name = source.corpusId !== null && usable.has(source.corpusId) ? source.corpusId : null;
    while (name === null || (!usable.has(name) && taken.has(name))) name = String(++column);
    taken.add(name);
    documents.set(source.id, { name, title: source.title, text: source.currentRevision!.text, spans: [] });
  }
  const current = new Map(sources.map((s) => [s.id, s.currentRevision!.number]));
  let notOnCurrentText = 0;
  for await (const batch of batches) {
    for (const a of batch) {
      const doc = documents.get(a.source.id);
      if (!doc) continue;
      if (a.anchor.status === "ORPHANED" || a.revision !== current.get(a.source.id)) {
        notOnCurrentText++;
        continue;
      }
      doc.spans.push({ id: a.id, start: a.start, end: a.end, tags: a.tags, comment: a.comment, author: { name: a.author.name, email: null }, created: a.created, modified: a.modified });
    }
  }
  return { comparison: { slug: comparison.slug, title: comparison.title }, documents: [...documents.values()], notOnCurrentText };
}

/** The PTC layout's files of a comparison, and how many tags the corpus has no technique for. */
export async function exportPtcFiles(actor: Actor, comparisonId: string, filters: ReportFilters = {}): Promise<{ comparison: CorpusExport["comparison"]; files: CorpusFile[]; leftOut: number; notOnCurrentText: number }> {
  const corpus = await readCorpusExport(actor, comparisonId, filters);
  return { comparison: corpus.comparison, ...writePtc(corpus.documents), notOnCurrentText: corpus.notOnCurrentText };
}

export const CORPUS_CONTENT_TYPES: Record<CorpusFormat, string> = {
  labelstudio: "application/json; charset=utf-8",
  doccano: "application/jsonl; charset=utf-8",
  ptc: "application/zip",
};

/** The file name an export of the format gets: the PTC layout is a folder, so it travels as a zip of it. */
export const corpusFilename = (slug: string, format: CorpusFormat) =>
  `${slug}.${format === "labelstudio" ? "labelstudio.json" : format === "doccano" ? "doccano.jsonl" : "ptc.zip"}`;

/** A comparison's corpus export as one file's bytes: Label Studio JSON, doccano JSONL, or a zip of the PTC folder. */
export async function exportCorpusBytes(actor: Actor, comparisonId: string, format: CorpusFormat, filters: ReportFilters = {}) {
  if (format === "ptc") {
    const { comparison, files } = await exportPtcFiles(actor, comparisonId, filters);
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.content)])), { level: 6 });
    return { comparison, bytes: zip };
  }
  const corpus = await readCorpusExport(actor, comparisonId, filters);
  const text = format === "labelstudio" ? `${JSON.stringify(writeLabelStudio(corpus.documents), null, 2)}\n` : writeDoccano(corpus.documents);
  return { comparison: corpus.comparison, bytes: new TextEncoder().encode(text) };
}
