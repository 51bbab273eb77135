import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ReadCorpus } from "@/lib/domain/export/labelled-documents";
import { matchDocument, spansAsAnnotations } from "@/lib/domain/export/match-document";
import { slugify } from "@/lib/domain/slug";
import { ZCreateComparison, ZSourceMetadata } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, isAppError, notFound } from "@/lib/server/errors";
import { extractSource } from "@/lib/server/import/extract-source";
import { canReadReports, hasMember } from "@/lib/server/permissions";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { insertComparison } from "@/lib/server/services/comparisons/create-comparison";
import { requireEditableWorkspace } from "@/lib/server/services/comparisons/require-comparison";
import { storeSource, type PreparedSource } from "@/lib/server/services/sources/create-source";
import { parseInput } from "@/lib/server/validation";
import { IMPORT_TRANSACTION, importReadAnnotationsWithin, type ImportReport } from "./import-annotations";

/**
 * Imports a corpus's spans into a comparison whose sources hold its documents: each
 * document is matched to a source (lib/domain/export/match-document.ts), its spans become
 * annotations and go through the annotation import (anchoring, tags found by name or
 * created, authors kept when they are members, duplicates skipped), all in one transaction.
 * A document no source matches is skipped with the reason, as is what the file holds that
 * Parallax does not import. As every import, it is not for a class's students: their
 * annotations belong to their assignments.
 */
export async function importCorpus(actor: Actor, comparisonId: string, corpus: ReadCorpus): Promise<ImportReport> {
  const { role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  return db().$transaction((tx) => importCorpusWithin(tx, actor, comparisonId, role, corpus), IMPORT_TRANSACTION);
}

/** importCorpus inside the caller's transaction, for an actor whose role the caller has looked up. */
async function importCorpusWithin(tx: DbTx, actor: Actor, comparisonId: string, role: Role, corpus: ReadCorpus): Promise<ImportReport> {
  if (!canReadReports(role)) throw new AppError("FORBIDDEN", "Students annotate in their assignments: importing annotations is for the class's teachers.");
  const found = await tx.comparison.findFirst({
    where: { id: comparisonId, workspace: hasMember(actor) },
    select: {
      sources: { orderBy: { position: "asc" }, select: { id: true, title: true, corpusId: true, currentRevision: { select: { text: true } } } },
      tagSets: { select: { key: true, name: true } },
    },
  });
  if (!found) throw notFound("That comparison");
  const sources = found.sources.filter((s) => s.currentRevision).map((s) => ({ id: s.id, title: s.title, corpusId: s.corpusId, text: s.currentRevision!.text }));
  // A format's group (Label Studio's from_name, the PTC's set) names a tag set by key or name; otherwise any set.
  const tagSet = (group: string | null) => (group ? (found.tagSets.find((s) => s.key === group || s.name === group || slugify(s.name) === group)?.name ?? null) : null);

  const skipped = [...corpus.skipped];
  const annotations = corpus.documents.flatMap((doc) => {
    const match = matchDocument(doc, sources);
    if (match) return spansAsAnnotations(doc, match.sourceId, tagSet);
    skipped.push({ where: doc.where, reason: `no source of this comparison has its text${doc.name ? `, id “${doc.name}”` : ""}${doc.title ? ` or title “${doc.title}”` : ""}: add the article first${doc.spans.length ? ` (${doc.spans.length} spans not imported)` : ""}` });
    return [];
  });
  const report = await importReadAnnotationsWithin(tx, actor, comparisonId, role, annotations);
  return { ...report, skipped: [...skipped, ...report.skipped] };
}

/**
 * Imports a corpus as a new comparison (its title given): one source per document, under
 * the document's title (else its first line) and corpus id, then its spans as annotations.
 * The documents are checked first; then the comparison, its sources and the annotations
 * are saved in one transaction (no compensating delete), so a failed import leaves
 * nothing behind.
 */
export async function importCorpusAsComparison(actor: Actor, workspaceSlug: string, title: string, corpus: ReadCorpus) {
  const workspace = await requireEditableWorkspace(actor, workspaceSlug);
  const input = parseInput(ZCreateComparison, { title: title.slice(0, 200) });
  const prepared: PreparedSource[] = [];
  for (const doc of corpus.documents) {
    const meta = parseInput(ZSourceMetadata, { title: doc.title?.slice(0, 300) ?? undefined, confirmDuplicate: true });
    const extracted = await extractSource({ kind: "paste", text: doc.text }).catch((error: unknown) => {
      if (isAppError(error)) throw new AppError("INVALID_INPUT", `${doc.where}: ${error.message}`, { [doc.where]: error.message });
      throw error;
    });
    prepared.push({ meta, extracted });
  }
  return db().$transaction(
    async (tx) => {
      const comparison = await insertComparison(tx, actor, workspace.id, input);
      for (const [i, source] of prepared.entries()) {
        const stored = await storeSource(tx, actor, comparison, source);
        if ("source" in stored && corpus.documents[i]!.name) {
          await tx.source.update({ where: { id: stored.source.id }, data: { corpusId: corpus.documents[i]!.name } });
        }
      }
      const report = await importCorpusWithin(tx, actor, comparison.id, workspace.role, corpus);
      return { ...report, comparison: { id: comparison.id, slug: comparison.slug, title: comparison.title }, sources: prepared.length };
    },
    IMPORT_TRANSACTION,
  );
}
