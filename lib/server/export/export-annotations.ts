import "server-only";
import type { ExportCuration, ExportedAnnotation, ExportedRelation, ExportLink, ExportSource } from "@/lib/domain/export/types";
import { codePointIndex, type CodePointIndex } from "@/lib/domain/text/code-points";
import { outletKey } from "@/lib/domain/report/build-report";
import type { ReportFilters } from "@/lib/domain/report/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canReadReports, hasMember } from "@/lib/server/permissions";
import { REPORT_FOR_STUDENTS } from "@/lib/server/reports/get-report";
import { annotationSelect, visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";

/**
 * Annotations read per query. Each batch is written out before the next is read, so an
 * export holds one batch at a time however many annotations there are (bench/suites/export.ts
 * measures it); 500 keeps the number of round trips small without large result sets.
 */
export const EXPORT_BATCH_SIZE = 500;

/** What the app shows of an annotation, less its replies (not exported) and with tags read below. */
const { replies: _replies, tags: _tags, ...exportSelect } = annotationSelect;

const tagFields = { select: { tag: { select: { name: true, tagSet: { select: { name: true } } } } } } as const;
/** The revision's id too: its text converts the offsets to code points. */
const revisionFields = { select: { id: true, number: true } } as const;

type Row = Prisma.AnnotationGetPayload<{ select: typeof exportSelect & { tags: typeof tagFields; revision: typeof revisionFields } }>;

function toExported(row: Row, source: ExportSource, index: CodePointIndex, links: ExportLink[], curated: ReadonlyMap<string, ExportCuration>): ExportedAnnotation {
  return {
    links,
    id: row.id,
    source,
    revision: row.revision.number,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    codePoints: { start: index.toCodePoint(row.start), end: index.toCodePoint(row.end) },
    tags: row.tags.map(({ tag }) => ({ name: tag.name, tagSet: tag.tagSet.name })),
    comment: row.comment,
    claim:
      row.isClaim && row.claimAsserter && row.claimStatus
        ? { asserter: row.claimAsserter, assertedBy: row.claimAssertedBy, status: row.claimStatus, evidence: row.evidence.map((e) => e.url) }
        : null,
    author: row.author,
    created: row.createdAt,
    modified: row.updatedAt,
    anchor: { status: row.anchorStatus, score: row.anchorScore },
    curated: curated.get(row.id) ?? null,
  };
}

/** Each annotation's curation state on a source: the verdict made on the span it was curated in (a few rows per source). */
async function curationOf(sourceId: string): Promise<Map<string, ExportCuration>> {
  const verdicts = await db().curatedAnnotation.findMany({ where: { sourceId }, select: { verdict: true, fromAnnotationIds: true } });
  return new Map(verdicts.flatMap((v) => v.fromAnnotationIds.map((id): [string, ExportCuration] => [id, v.verdict === "ACCEPTED" ? "accepted" : "rejected"])));
}

export interface AnnotationExport {
  comparison: { id: string; slug: string; title: string; workspaceSlug: string };
  /** Annotations in text order (source column, then position), one batch per query. */
  batches: AsyncIterable<ExportedAnnotation[]>;
  /** The relations whose two ends are both in the export (read at once: a comparison has far fewer than annotations). */
  relations: ExportedRelation[];
}

/**
 * Opens an export of the annotations an actor may see in a comparison, narrowed by the
 * report's filters (the same query parameters, so a download matches the report it came
 * from): outlets, reviewers (authors), creation dates, and tag sets (annotations carrying
 * a tag of those sets, listed with those tags only). Hidden annotations are left out, as
 * in the report: an export is what the workspace stands behind.
 *
 * Membership is checked now, so a caller can answer "not found" before it starts writing;
 * the annotations are read only as `batches` is iterated, keyset-paged by (start, id)
 * within each source, so memory does not grow with the number of annotations.
 */
export async function openAnnotationExport(
  actor: Actor,
  comparisonId: string,
  filters: ReportFilters = {},
  { batchSize = EXPORT_BATCH_SIZE } = {},
): Promise<AnnotationExport> {
  const { role } = await requireAnnotationAccess(actor, comparisonId, "read");
  if (!canReadReports(role)) throw new AppError("FORBIDDEN", REPORT_FOR_STUDENTS);
  const found = await db().comparison.findFirst({
    where: { id: comparisonId, workspace: hasMember(actor) },
    select: {
      id: true,
      slug: true,
      title: true,
      workspace: { select: { slug: true } },
      sources: {
        orderBy: { position: "asc" },
        select: { id: true, title: true, url: true, outlet: { select: { id: true, name: true } } },
      },
    },
  });
  if (!found) throw notFound("That comparison");

  const outlets = filters.outletIds?.length ? new Set(filters.outletIds) : null;
  const sources = found.sources.filter((s) => !outlets || outlets.has(outletKey(s)));
  const tagSetIds = filters.tagSetIds?.length ? filters.tagSetIds : null;
  const where: Prisma.AnnotationWhereInput = {
    AND: [
      { comparisonId: found.id },
      visibleAnnotationsWhere(actor, role),
      { hiddenAt: null },
      filters.reviewerIds?.length ? { authorId: { in: filters.reviewerIds } } : {},
      filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {},
      tagSetIds ? { tags: { some: { tag: { tagSetId: { in: tagSetIds } } } } } : {},
    ],
  };
  const select = {
    ...exportSelect,
    revision: revisionFields,
    tags: {
      where: tagSetIds ? { tag: { tagSetId: { in: tagSetIds } } } : {},
      orderBy: [{ tag: { tagSet: { position: "asc" } } }, { tag: { position: "asc" } }],
      ...tagFields,
    },
  } satisfies Prisma.AnnotationSelect;

  const exported: Prisma.AnnotationWhereInput = { AND: [where, { sourceId: { in: sources.map((s) => s.id) } }] };
  const relationRows = await db().relation.findMany({
    where: { comparisonId: found.id, deletedAt: null, from: { is: exported }, to: { is: exported } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fromId: true, toId: true, createdAt: true, updatedAt: true, type: { select: { key: true, name: true } }, author: { select: { id: true, name: true } } },
  });
  const relations: ExportedRelation[] = relationRows.map((r) => ({ id: r.id, fromId: r.fromId, toId: r.toId, type: r.type, author: r.author, created: r.createdAt, modified: r.updatedAt }));
  const linksOf = new Map<string, ExportLink[]>();
  const addLink = (annotationId: string, link: ExportLink) => linksOf.set(annotationId, [...(linksOf.get(annotationId) ?? []), link]);
  for (const r of relations) {
    addLink(r.fromId, { direction: "to", type: r.type.name, annotationId: r.toId });
    addLink(r.toId, { direction: "from", type: r.type.name, annotationId: r.fromId });
  }

  /**
   * The code-point index of each revision a source's annotations count in (usually just its
   * current one), read once per source and dropped when the next source begins.
   */
  async function indexRevisions(rows: Row[], indexes: Map<string, CodePointIndex>) {
    const missing = [...new Set(rows.map((row) => row.revision.id))].filter((id) => !indexes.has(id));
    if (missing.length === 0) return;
    const revisions = await db().sourceRevision.findMany({ where: { id: { in: missing } }, select: { id: true, text: true } });
    for (const revision of revisions) indexes.set(revision.id, codePointIndex(revision.text));
  }

  async function* batches(): AsyncGenerator<ExportedAnnotation[]> {
    for (const source of sources) {
      const exportSource: ExportSource = { id: source.id, title: source.title, outlet: source.outlet?.name ?? null, url: source.url };
      const indexes = new Map<string, CodePointIndex>();
      const curated = await curationOf(source.id);
      let after: { start: number; id: string } | undefined;
      for (;;) {
        const rows: Row[] = await db().annotation.findMany({
          where: {
            AND: [
              where,
              { sourceId: source.id },
              // `start >= …` beside the OR lets the (comparisonId, sourceId, start) index begin at the
              // last batch's end rather than at the source's first annotation.
              after ? { start: { gte: after.start }, OR: [{ start: { gt: after.start } }, { start: after.start, id: { gt: after.id } }] } : {},
            ],
          },
          orderBy: [{ start: "asc" }, { id: "asc" }],
          take: batchSize,
          select,
        });
        await indexRevisions(rows, indexes);
        if (rows.length > 0) yield rows.map((row) => toExported(row, exportSource, indexes.get(row.revision.id)!, linksOf.get(row.id) ?? [], curated));
        if (rows.length < batchSize) break;
        const last = rows.at(-1)!;
        after = { start: last.start, id: last.id };
      }
    }
  }

  return {
    comparison: { id: found.id, slug: found.slug, title: found.title, workspaceSlug: found.workspace.slug },
    batches: batches(),
    relations,
  };
}
