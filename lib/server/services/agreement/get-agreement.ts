import "server-only";
import { combineSourceFigures, NO_VALUE, sourceFigures, tokenUnits, VALUE_SEPARATOR, type CodedSpan, type SourceFigures } from "@/lib/domain/agreement";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { figuresCache, partsCache } from "@/lib/server/figures-cache";
import { AppError } from "@/lib/server/errors";
import { canBrowseComparisons, canEditComparisons, STUDENTS_READ_ASSIGNMENTS } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { storedOrMeasuredParts } from "./stored-agreement-parts";

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
      // mergedIntoId: a tag merge moves tags without an edit (no version changes), so it must change the markers.
      select: { id: true, name: true, tags: { orderBy: { position: "asc" }, select: { id: true, name: true, color: true, mergedIntoId: true } } },
    }),
    db().source.findMany({
      where: { comparisonId: comparison.id },
      orderBy: { position: "asc" },
      select: { id: true, title: true, outlet: { select: { name: true } }, currentRevisionId: true },
    }),
    db().disagreementResolution.findMany({
      where: { comparisonId: comparison.id },
      select: { sourceId: true, revisionId: true, tagSetId: true, start: true, end: true },
    }),
    sourceMarkers(counted),
  ]);
  const settled = new Set(resolutions.map((r) => `${r.sourceId}:${r.revisionId}:${r.tagSetId}:${r.start}:${r.end}`));
  const coders = [...marker.authors].sort((a, b) => a.name.localeCompare(b.name));
  // A source's part depends on its annotations (their aggregates), its revision and the names
  // shown, the comparison's reviewers (αU's raters) and the taxonomy; the whole on every part.
  // Nothing else: not the actor (parts are measured over the same annotations for every role
  // that gets here), nor this process, so the parts are also stored in the database under
  // these markers, for a fresh process or another instance (stored-agreement-parts.ts).
  const shared = JSON.stringify([coders, tagSets]);
  const parts = sources
    .filter((s) => s.currentRevisionId !== null)
    .map((s) => ({ id: s.id, marker: JSON.stringify([marker.bySource.get(s.id) ?? [], s.title, s.outlet?.name ?? null, s.currentRevisionId, shared]) }));
  const key = JSON.stringify([comparison.id, counted]);
  const stamp = JSON.stringify(parts);
  const shownSets = tagSets.map((set) => ({ ...set, tags: set.tags.map(({ mergedIntoId: _, ...tag }) => tag) }));
  const sets = await agreementFigures.get(key, stamp, async () => {
    const measured = await sourceParts.get(key, parts, (ids) => {
      const stale = new Set(ids);
      return namedSourceParts(comparison.id, parts.filter((p) => stale.has(p.id)), coders, shownSets);
    });
    return combineAgreement(parts.flatMap((p) => measured.get(p.id) ?? []), coders, shownSets);
  });
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

type AgreementTagSet = { id: string; name: string; tags: { id: string; name: string; color: string }[] };
type Coder = { id: string; name: string };
type SourcePart = ReturnType<typeof nameSourcePart>;

const agreementFigures = figuresCache<ReturnType<typeof combineAgreement>>();
const sourceParts = partsCache<SourcePart>();

/** Forgets the agreement figures kept in this process (not the stored parts), as a restart does: for tests. */
export function forgetAgreementFigures() {
  agreementFigures.clear();
  sourceParts.clear();
}

/**
 * What changes whenever one of a source's counted annotations does, per source, read without
 * the rows: per revision, author and anchoring status, how many there are, the sums of their
 * versions and offsets, their latest update (as annotationsMarker, whose reasoning holds here;
 * tag merges are seen through the taxonomy). Also the authors, with their names.
 */
async function sourceMarkers(counted: Prisma.AnnotationWhereInput) {
  const groups = await db().annotation.groupBy({
    by: ["sourceId", "revisionId", "authorId", "anchorStatus"],
    where: counted,
    orderBy: [{ sourceId: "asc" }, { revisionId: "asc" }, { authorId: "asc" }, { anchorStatus: "asc" }],
    _count: { _all: true },
    _sum: { version: true, start: true, end: true },
    _max: { updatedAt: true },
  });
  const authors = await db().user.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.authorId))] } }, orderBy: { id: "asc" }, select: { id: true, name: true } });
  const bySource = new Map<string, unknown[]>();
  for (const g of groups) {
    const row = [g.revisionId, g.authorId, g.anchorStatus, g._count._all, g._sum.version, g._sum.start, g._sum.end, g._max.updatedAt?.toISOString() ?? null];
    const list = bySource.get(g.sourceId);
    if (list) list.push(row);
    else bySource.set(g.sourceId, [row]);
  }
  return { authors, bySource };
}

type MeasuredSource = { id: string; title: string; outlet: { name: string } | null; currentRevision: { id: string; text: string } | null };

/**
 * Each given source's part of the figures (lib/domain/agreement/source-figures.ts), named as the
 * page shows it: read from the database where it is stored at the source's marker, measured
 * (and stored) for the others.
 */
async function namedSourceParts(comparisonId: string, parts: { id: string; marker: string }[], coders: Coder[], tagSets: AgreementTagSet[]) {
  const sources = await db().source.findMany({
    where: { comparisonId, id: { in: parts.map((p) => p.id) } },
    select: { id: true, title: true, outlet: { select: { name: true } }, currentRevision: { select: { id: true, text: true } } },
  });
  const coderIds = coders.map((c) => c.id);
  const setTagIds = tagSets.map((set) => set.tags.map((t) => t.id));
  const figures = await storedOrMeasuredParts(comparisonId, parts, coderIds, (ids) => {
    const wanted = new Set(ids);
    return measureSources(comparisonId, sources.filter((s) => wanted.has(s.id)), coderIds, setTagIds);
  });
  const coderName = new Map(coders.map((c) => [c.id, c.name]));
  const tagName = new Map(tagSets.flatMap((s) => s.tags.map((t) => [t.id, t.name] as const)));
  const named = new Map<string, SourcePart>();
  for (const source of sources) {
    const part = figures.get(source.id);
    if (part) named.set(source.id, nameSourcePart(source, part, coderName, tagName));
  }
  return named;
}

/**
 * The given sources' parts, from their current revision and the counted annotations on it. The
 * annotations are read in one narrow query, tags aggregated per annotation in SQL: only what
 * the figures need, no Prisma rows. Its filter is the `counted` filter of getAgreement for the
 * roles that reach it (editors and reviewers): not deleted, not hidden, not orphaned; students
 * never get here.
 */
async function measureSources(comparisonId: string, sources: MeasuredSource[], coderIds: string[], setTagIds: string[][]) {
  const sourceIds = sources.map((s) => s.id);
  const rows = await db().$queryRaw<{ sourceId: string; authorId: string; start: number; end: number; tags: string }[]>`
    SELECT a."sourceId", a."authorId", a."start", a."end", coalesce(string_agg(t."tagId", ' '), '') AS tags
    FROM "Annotation" a
    JOIN "Source" s ON s."id" = a."sourceId" AND s."currentRevisionId" = a."revisionId"
    LEFT JOIN "AnnotationTag" t ON t."annotationId" = a."id"
    WHERE a."comparisonId" = ${comparisonId} AND a."sourceId" = ANY(${sourceIds}::text[])
      AND a."deletedAt" IS NULL AND a."hiddenAt" IS NULL AND a."anchorStatus" <> 'ORPHANED'
    GROUP BY a."id"
    ORDER BY a."id"`;
  const spansOf = new Map<string, CodedSpan[]>();
  for (const row of rows) {
    const span = { textId: row.sourceId, coderId: row.authorId, start: row.start, end: row.end, tagIds: row.tags ? row.tags.split(" ") : [] };
    const list = spansOf.get(row.sourceId);
    if (list) list.push(span);
    else spansOf.set(row.sourceId, [span]);
  }
  const parts = new Map<string, SourceFigures>();
  for (const source of sources) {
    const text = source.currentRevision!.text;
    parts.set(source.id, sourceFigures({ id: source.id, length: text.length, units: tokenUnits(text) }, spansOf.get(source.id) ?? [], coderIds, setTagIds));
  }
  return parts;
}

/**
 * One source's part with its disagreements as the page lists them (settled ones included). A
 * coder's value is named once per source and shared by its disagreements: a large source has
 * tens of thousands of them, but few distinct values.
 */
function nameSourcePart(source: MeasuredSource, { sets, ...figures }: SourceFigures, coderName: Map<string, string>, tagName: Map<string, string>) {
  const revision = source.currentRevision!;
  const outlet = source.outlet?.name ?? source.title;
  const named = new Map<string, { coderId: string; coder: string; tags: string[] }>();
  const nameOf = (coderId: string, value: string) => {
    const key = `${coderId} ${value}`;
    let name = named.get(key);
    if (!name) {
      name = { coderId, coder: coderName.get(coderId) ?? "", tags: value === NO_VALUE ? [] : value.split(VALUE_SEPARATOR).map((id) => tagName.get(id) ?? id) };
      named.set(key, name);
    }
    return name;
  };
  return {
    ...figures,
    sets: sets.map(({ disagreements: found, ...tallies }) => ({
      ...tallies,
      disagreements: found.map((d) => ({
        sourceId: source.id,
        revisionId: revision.id,
        outlet,
        start: d.start,
        end: d.end,
        text: revision.text.slice(d.start, d.end),
        values: d.values.map((v) => nameOf(v.coderId, v.value)),
      })),
    })),
  };
}

/** The figures of every tag set from the sources' parts (in the sources' order), every disagreement listed. */
function combineAgreement(parts: SourcePart[], coders: Coder[], tagSets: AgreementTagSet[]) {
  const combined = combineSourceFigures(parts, coders.map((c) => c.id), tagSets.map((set) => set.tags.map((t) => t.id)));
  return tagSets.map((set, i) => {
    const { combined: alpha, perValue, span } = combined[i]!;
    return {
      id: set.id,
      name: set.name,
      combined: alpha,
      // Tags nobody used, or used where only one reviewer worked, have no figure to show.
      perTag: perValue.map((v) => ({ ...v, tag: set.tags.find((t) => t.id === v.value)! })).filter((v) => v.status !== "insufficient-data" && v.pairableUnits > 0),
      disagreements: parts.flatMap((part) => part.sets[i]!.disagreements),
      span: {
        alphaU: span.alphaU,
        sources: span.textIds.length,
        perTag: set.tags.flatMap((tag) => (span.perTag[tag.id] ? [{ tag, ...span.perTag[tag.id]! }] : [])),
      },
    };
  });
}
