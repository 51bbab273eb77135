import "server-only";
import type { CoderSpans } from "@/lib/domain/agreement";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";

/**
 * What an assignment is made of: its sources (current text, in column order), the tags
 * students may use (by tag set, in taxonomy order) and the fact rows it points to (with
 * their passages in the assignment's sources).
 */
export async function loadAssignmentMaterial(actor: Actor, assignmentId: string) {
  const inClass = { assignmentId, assignment: { workspace: hasMember(actor) } };
  const [sources, tags, factRows] = await Promise.all([
    db().assignmentSource.findMany({
      where: inClass,
      orderBy: { source: { position: "asc" } },
      select: {
        source: {
          select: {
            id: true,
            title: true,
            outlet: { select: { name: true } },
            currentRevision: { select: { id: true, number: true, text: true } },
          },
        },
      },
    }),
    db().assignmentTag.findMany({
      where: inClass,
      orderBy: [{ tag: { tagSet: { position: "asc" } } }, { tag: { position: "asc" } }, { tag: { name: "asc" } }],
      select: {
        tag: {
          select: { id: true, name: true, color: true, description: true, retiredAt: true, tagSet: { select: { id: true, name: true } } },
        },
      },
    }),
    db().assignmentFactRow.findMany({
      where: inClass,
      orderBy: { factRow: { position: "asc" } },
      select: {
        factRow: { select: { id: true, label: true, note: true, passages: { select: { sourceId: true, exact: true } } } },
      },
    }),
  ]);
  const texts = sources.flatMap(({ source }) =>
    source.currentRevision
      ? [{ id: source.id, title: source.title, outlet: source.outlet?.name ?? "Unknown outlet", revisionId: source.currentRevision.id, revision: source.currentRevision.number, text: source.currentRevision.text }]
      : [],
  );
  const tagSets = new Map<string, { id: string; name: string; tags: { id: string; name: string; color: string; description: string | null; retired: boolean }[] }>();
  for (const { tag } of tags) {
    const set = tagSets.get(tag.tagSet.id) ?? { ...tag.tagSet, tags: [] };
    set.tags.push({ id: tag.id, name: tag.name, color: tag.color, description: tag.description, retired: tag.retiredAt !== null });
    tagSets.set(set.id, set);
  }
  const outletOf = new Map(texts.map((t) => [t.id, t.outlet]));
  return {
    sources: texts,
    tagSets: [...tagSets.values()],
    tags: tags.map(({ tag }) => ({ id: tag.id, name: tag.name, color: tag.color })),
    factRows: factRows.map(({ factRow }) => ({
      id: factRow.id,
      label: factRow.label,
      note: factRow.note,
      passages: factRow.passages.flatMap((p) => (outletOf.has(p.sourceId) ? [{ sourceId: p.sourceId, outlet: outletOf.get(p.sourceId)!, exact: p.exact }] : [])),
    })),
  };
}

export type AssignmentMaterial = Awaited<ReturnType<typeof loadAssignmentMaterial>>;

/**
 * The spans of an assignment the actor may see (read through visibleAnnotationsWhere, so a
 * student before the reveal gets only their own), placed on the current text and not hidden:
 * what scores, heat maps and agreement are computed from.
 */
export async function loadAssignmentSpans(actor: Actor, role: Role, assignmentId: string, material: AssignmentMaterial) {
  const rows = await db().annotation.findMany({
    where: {
      assignmentId,
      ...visibleAnnotationsWhere(actor, role),
      hiddenAt: null,
      anchorStatus: { not: "ORPHANED" },
      revisionId: { in: material.sources.map((s) => s.revisionId) },
    },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      sourceId: true,
      start: true,
      end: true,
      exact: true,
      comment: true,
      isKey: true,
      author: { select: { id: true, name: true } },
      tags: { select: { tagId: true } },
    },
  });
  const allowed = new Set(material.tags.map((t) => t.id));
  return rows.map((row) => ({ ...row, tagIds: row.tags.map((t) => t.tagId).filter((id) => allowed.has(id)) }));
}

export type AssignmentSpan = Awaited<ReturnType<typeof loadAssignmentSpans>>[number];

/** The labelled spans of some annotations on one source, one per tag, for the scoring functions. */
export function labeledSpans(spans: readonly AssignmentSpan[], sourceId: string) {
  return spans.filter((s) => s.sourceId === sourceId).flatMap((s) => s.tagIds.map((value) => ({ start: s.start, end: s.end, value })));
}

/**
 * The students who tagged something in one source, each with their spans there: the coders
 * of its heat map and of class agreement. A student who left the source alone is missing
 * there rather than "no tag anywhere", as reviewers are on the agreement page.
 */
export function studentCoders(spans: readonly AssignmentSpan[], sourceId: string, studentIds: ReadonlySet<string>): CoderSpans[] {
  const authors = [...new Set(spans.filter((s) => !s.isKey && s.sourceId === sourceId && s.tagIds.length > 0 && studentIds.has(s.author.id)).map((s) => s.author.id))];
  return authors.map((coderId) => ({ coderId, spans: labeledSpans(spans.filter((s) => s.author.id === coderId && !s.isKey), sourceId) }));
}
