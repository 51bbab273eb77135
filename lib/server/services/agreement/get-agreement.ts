import "server-only";
import { disagreements, NO_VALUE, pooledAgreement, tagSetDocuments, tagSetSpanAgreement, tokenUnits, VALUE_SEPARATOR } from "@/lib/domain/agreement";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { figuresCache } from "@/lib/server/figures-cache";
import { annotationsMarker } from "@/lib/server/services/annotations/annotations-marker";
import { AppError } from "@/lib/server/errors";
import { canBrowseComparisons, canEditComparisons, STUDENTS_READ_ASSIGNMENTS } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";

/**
 * Agreement between reviewers, per tag set, on the word tokens of the comparison's sources:
 * each token's value is the tag (of that set) a reviewer put on it, or "none". A reviewer
 * counts on a source only if they annotated something in it. Only annotations the actor may
 * see count (a student before the reveal: their own); hidden, deleted and orphaned ones
 * never do. Also the stretches where reviewers differ and nobody settled it, and αU per tag set
 * and tag over the characters of the sources every reviewer annotated (lib/domain/agreement/span-study.ts).
 */
export async function getAgreement(actor: Actor, workspaceSlug: string, comparisonSlug: string) {
  const { workspace, comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug);
  if (!canBrowseComparisons(workspace.role)) throw new AppError("FORBIDDEN", STUDENTS_READ_ASSIGNMENTS);
  const counted: Prisma.AnnotationWhereInput = { comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, workspace.role), hiddenAt: null, anchorStatus: { not: "ORPHANED" } };
  const [tagSets, sources, resolutions, marker] = await Promise.all([
    db().tagSet.findMany({
      where: { comparisonId: comparison.id },
      orderBy: { position: "asc" },
      select: { id: true, name: true, tags: { orderBy: { position: "asc" }, select: { id: true, name: true, color: true } } },
    }),
    db().source.findMany({
      where: { comparisonId: comparison.id },
      orderBy: { position: "asc" },
      select: { id: true, title: true, outlet: { select: { name: true } }, currentRevision: { select: { id: true, text: true } } },
    }),
    db().disagreementResolution.findMany({
      where: { comparisonId: comparison.id },
      select: { sourceId: true, revisionId: true, tagSetId: true, start: true, end: true },
    }),
    annotationsMarker(counted),
  ]);
  const settled = new Set(resolutions.map((r) => `${r.sourceId}:${r.revisionId}:${r.tagSetId}:${r.start}:${r.end}`));
  // Everything the figures are computed from is in the key or the marker: the annotations
  // (through their aggregates), the taxonomy, the sources' current revisions and the names shown.
  const key = JSON.stringify([comparison.id, counted]);
  const stamp = JSON.stringify([
    marker,
    tagSets,
    sources.map((s) => [s.id, s.title, s.outlet?.name ?? null, s.currentRevision?.id ?? null]),
  ]);
  const { coders, sets } = await agreementFigures.get(key, stamp, () => measureAgreement(counted, marker.authors, tagSets, sources));
  return {
    workspace,
    comparison,
    coders,
    sets: sets.map(({ disagreements, ...set }) => ({
      ...set,
      disagreements: disagreements.filter((d) => !settled.has(`${d.sourceId}:${d.revisionId}:${set.id}:${d.start}:${d.end}`)).map(({ revisionId: _, ...d }) => d),
    })),
    canResolve: canEditComparisons(workspace.role),
  };
}

const agreementFigures = figuresCache<Awaited<ReturnType<typeof measureAgreement>>>();

/** Forgets the kept agreement figures, for tests that compare them with a cold computation. */
export function forgetAgreementFigures() {
  agreementFigures.clear();
}

type AgreementTagSet = { id: string; name: string; tags: { id: string; name: string; color: string }[] };
type AgreementSource = { id: string; title: string; outlet: { name: string } | null; currentRevision: { id: string; text: string } | null };

/** The figures of every tag set over the counted annotations, every disagreement listed (settled or not). */
async function measureAgreement(counted: Prisma.AnnotationWhereInput, authors: { id: string; name: string }[], tagSets: AgreementTagSet[], sources: AgreementSource[]) {
  // Tags are read by the annotations' filter (a join), not as their relation: Prisma reads
  // a relation with one bind parameter per annotation, which fails past 32,766.
  const [rows, tagRows] = await Promise.all([
    db().annotation.findMany({ where: counted, select: { id: true, sourceId: true, revisionId: true, start: true, end: true, authorId: true } }),
    db().annotationTag.findMany({ where: { annotation: counted }, select: { annotationId: true, tagId: true } }),
  ]);
  const authorOf = new Map(authors.map((author) => [author.id, author]));
  const tagsOf = new Map<string, string[]>();
  for (const { annotationId, tagId } of tagRows) {
    const list = tagsOf.get(annotationId);
    if (list) list.push(tagId);
    else tagsOf.set(annotationId, [tagId]);
  }
  const annotations = rows.map((a) => ({ ...a, author: authorOf.get(a.authorId)!, tags: tagsOf.get(a.id) ?? [] }));

  const coders = [...new Map(annotations.map((a) => [a.author.id, a.author])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const coderIds = coders.map((c) => c.id);
  const tagName = new Map(tagSets.flatMap((s) => s.tags.map((t) => [t.id, t.name] as const)));
  const texts = sources.flatMap((s) => (s.currentRevision ? [{ ...s, revision: s.currentRevision, units: tokenUnits(s.currentRevision.text) }] : []));
  const current = new Map(texts.map((t) => [t.id, t.revision.id]));
  const spans = annotations
    .filter((a) => current.get(a.sourceId) === a.revisionId)
    .map((a) => ({ textId: a.sourceId, coderId: a.author.id, start: a.start, end: a.end, tagIds: a.tags }));

  const spanTexts = texts.map((t) => ({ id: t.id, length: t.revision.text.length }));

  const sets = tagSets.map((set) => {
    const span = tagSetSpanAgreement(spanTexts, spans, coderIds, new Set(set.tags.map((t) => t.id)));
    const documents = tagSetDocuments(texts, spans, new Set(set.tags.map((t) => t.id)));
    const { combined, perValue } = pooledAgreement(coderIds, documents, set.tags.map((t) => t.id));
    const open = documents.flatMap((doc) =>
      disagreements(doc.units, doc.coders).map((d) => ({
        sourceId: doc.text.id,
        revisionId: doc.text.revision.id,
        outlet: doc.text.outlet?.name ?? doc.text.title,
        start: d.start,
        end: d.end,
        text: doc.text.revision.text.slice(d.start, d.end),
        values: d.values.map((v) => ({
          coderId: v.coderId,
          coder: coders.find((c) => c.id === v.coderId)?.name ?? "",
          tags: v.value === NO_VALUE ? [] : v.value.split(VALUE_SEPARATOR).map((id) => tagName.get(id) ?? id),
        })),
      })),
    );
    return {
      id: set.id,
      name: set.name,
      combined,
      // Tags nobody used, or used where only one reviewer worked, have no figure to show.
      perTag: perValue.map((v) => ({ ...v, tag: set.tags.find((t) => t.id === v.value)! })).filter((v) => v.status !== "insufficient-data" && v.pairableUnits > 0),
      disagreements: open,
      span: {
        alphaU: span.alphaU,
        sources: span.textIds.length,
        perTag: set.tags.flatMap((tag) => (span.perTag[tag.id] ? [{ tag, ...span.perTag[tag.id]! }] : [])),
      },
    };
  });
  return { coders, sets };
}
