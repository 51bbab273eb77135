import "server-only";
import { randomUUID } from "node:crypto";
import { slugify, uniqueSlug } from "@/lib/domain/slug";
import { ZCopyComparison } from "@/lib/schemas/copy-comparison";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons } from "@/lib/server/permissions";
import { copyCuratedKey, requireCuratedLayer } from "@/lib/server/services/curation/copy-curated-key";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";
import { parseInput } from "@/lib/server/validation";

export const COPY_NEEDS_EDITOR = "Copying a comparison takes being an editor (or owner, or teacher) of both workspaces.";

/**
 * Copy to workspace: the comparison's sources (their current text, under outlets of the same
 * name in the target), fact rows with their passages, and taxonomy; optionally the annotations
 * (neither deleted nor hidden, with their tags and claims), and into a class as the key of a
 * new assignment over every source, fact row and tag; or, into a class, the curated layer as
 * that key instead of every reviewer's annotations. The copier must edit both workspaces.
 * One transaction: all of it or nothing. A copied annotation keeps its author when they are a
 * member of the target (other than a student: a class's students annotate only as work for
 * an assignment) and names the annotation it was copied from; the others become the copier's,
 * and the copy's note says how many. A curated key is the copier's (it is the editors'
 * verdicts, not one reviewer's work). The copy names its origin and the target's audit log
 * records who copied what.
 */
export async function copyComparison(actor: Actor, comparisonId: string, input: unknown) {
  const { targetWorkspaceSlug, annotations: mode } = parseInput(ZCopyComparison, input);
  const original = await db().comparison.findFirst({
    where: { id: comparisonId, workspace: { memberships: { some: { userId: actor.id } } } },
    select: {
      id: true,
      title: true,
      description: true,
      eventDate: true,
      workspace: { select: { id: true, name: true, memberships: { where: { userId: actor.id }, select: { role: true } } } },
    },
  });
  if (!original) throw notFound("That comparison");
  if (!canEditComparisons(original.workspace.memberships[0]!.role)) throw new AppError("FORBIDDEN", COPY_NEEDS_EDITOR);
  const target = await getWorkspaceBySlug(actor, targetWorkspaceSlug);
  if (!canEditComparisons(target.role)) throw new AppError("FORBIDDEN", COPY_NEEDS_EDITOR);
  if (target.id === original.workspace.id) throw new AppError("INVALID_INPUT", "Choose another workspace: this comparison is already in this one.");
  const asKey = mode === "key" || mode === "curated-key";
  if (asKey && target.kind !== "CLASS") throw new AppError("INVALID_INPUT", "Annotations become a key only in a class: choose a class, or copy them as annotations.");
  if (mode === "curated-key") await requireCuratedLayer(original.id);

  return db().$transaction(
    async (tx) => {
      const copy = await insertCopy(tx, actor, target.id, original);
      const ids = await copyContent(tx, actor, original.id, copy.id, target.id);
      let assignmentId: string | null = null;
      if (asKey) {
        const assignment = await tx.assignment.create({
          data: {
            workspaceId: target.id,
            comparisonId: copy.id,
            // Named apart, so a teacher tells it from a key made of every reviewer's annotations.
            title: mode === "curated-key" ? `${original.title} (curated key)` : original.title,
            createdById: actor.id,
            sources: { create: [...ids.sources.values()].map((s) => ({ sourceId: s.id })) },
            factRows: { create: ids.factRows.map((factRowId) => ({ factRowId })) },
            tags: { create: ids.liveTags.map((tagId) => ({ tagId })) },
          },
          select: { id: true },
        });
        assignmentId = assignment.id;
      }
      const { copied: annotations, reattributed } =
        mode === "none"
          ? { copied: 0, reattributed: 0 }
          : mode === "curated-key"
            ? { copied: await copyCuratedKey(tx, actor, { comparisonId: original.id, ...ids }, { comparisonId: copy.id, assignmentId: assignmentId! }), reattributed: 0 }
            : await copyAnnotations(tx, actor, original.id, copy.id, target.id, ids, assignmentId);
      if (reattributed > 0) {
        const copier = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
        const count = reattributed === 1 ? "1 annotation is" : `${reattributed} annotations are`;
        await tx.comparison.update({
          where: { id: copy.id },
          data: { copyNote: `${count} attributed to ${copier.name}, who copied them: their reviewers are not members of ${target.name}${target.kind === "CLASS" ? ", or are its students" : ""}.` },
        });
      }
      await tx.auditEvent.create({
        data: {
          workspaceId: target.id,
          actorId: actor.id,
          action: "comparison.copied",
          entityType: "Comparison",
          entityId: copy.id,
          data: { fromComparisonId: original.id, fromWorkspaceId: original.workspace.id, annotations: mode, annotationCount: annotations, reattributed, assignmentId },
        },
      });
      return { workspaceSlug: target.slug, slug: copy.slug, id: copy.id, annotations, reattributed, assignmentId };
    },
    { timeout: 120_000 },
  );
}

type Original = { id: string; title: string; description: string | null; eventDate: Date | null; workspace: { name: string } };

async function insertCopy(tx: DbTx, actor: Actor, workspaceId: string, original: Original) {
  const base = slugify(original.title);
  const taken = await tx.comparison.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } });
  return tx.comparison.create({
    data: {
      workspaceId,
      slug: uniqueSlug(base, new Set(taken.map((c) => c.slug))),
      title: original.title,
      description: original.description,
      eventDate: original.eventDate,
      copiedFrom: `${original.workspace.name} › ${original.title}`,
      createdById: actor.id,
    },
    select: { id: true, slug: true },
  });
}

interface CopiedIds {
  /** Old source id → the new source and revision, and the old current revision. */
  sources: Map<string, { id: string; revisionId: string; fromRevisionId: string }>;
  tags: Map<string, string>;
  liveTags: string[];
  factRows: string[];
}

async function copyContent(tx: DbTx, actor: Actor, fromId: string, toId: string, workspaceId: string): Promise<CopiedIds> {
  const from = await tx.comparison.findUniqueOrThrow({
    where: { id: fromId },
    select: {
      sources: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          url: true,
          author: true,
          publishedAt: true,
          corpusId: true,
          position: true,
          outlet: { select: { name: true, site: true, country: true, notes: true } },
          currentRevision: { select: { id: true, text: true } },
        },
      },
      tagSets: {
        orderBy: { position: "asc" },
        select: {
          key: true,
          name: true,
          description: true,
          position: true,
          tags: { where: { mergedIntoId: null }, select: { id: true, name: true, description: true, color: true, position: true, retiredAt: true } },
        },
      },
      factRows: {
        orderBy: { position: "asc" },
        select: { label: true, note: true, position: true, passages: { select: { sourceId: true, revisionId: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorStatus: true } } },
      },
    },
  });
  const sources: CopiedIds["sources"] = new Map();
  for (const source of from.sources) {
    if (!source.currentRevision) continue;
    const outlet = source.outlet
      ? await tx.outlet.upsert({
          where: { workspaceId_name: { workspaceId, name: source.outlet.name } },
          create: { workspaceId, ...source.outlet },
          update: {},
          select: { id: true },
        })
      : null;
    const { outlet: _, currentRevision, id: fromSourceId, ...fields } = source;
    const created = await tx.source.create({ data: { ...fields, comparisonId: toId, outletId: outlet?.id }, select: { id: true } });
    const revision = await tx.sourceRevision.create({
      data: { sourceId: created.id, number: 1, createdById: actor.id, ...revisionFields(currentRevision.text) },
      select: { id: true },
    });
    await tx.source.update({ where: { id: created.id }, data: { currentRevisionId: revision.id } });
    sources.set(fromSourceId, { id: created.id, revisionId: revision.id, fromRevisionId: currentRevision.id });
  }
  const tags = new Map<string, string>();
  const liveTags: string[] = [];
  for (const set of from.tagSets) {
    const { tags: setTags, ...fields } = set;
    const created = await tx.tagSet.create({ data: { ...fields, comparisonId: toId }, select: { id: true } });
    for (const { id, ...tag } of setTags) {
      const copy = await tx.tag.create({ data: { ...tag, tagSetId: created.id }, select: { id: true } });
      tags.set(id, copy.id);
      if (!tag.retiredAt) liveTags.push(copy.id);
    }
  }
  const factRows: string[] = [];
  for (const row of from.factRows) {
    const { passages, ...fields } = row;
    const created = await tx.factRow.create({
      data: {
        ...fields,
        comparisonId: toId,
        passages: {
          create: passages.flatMap(({ sourceId, revisionId, ...passage }) => {
            const source = sources.get(sourceId);
            // A passage still on an older revision has no text in the copy, which keeps only the current one.
            return source && source.fromRevisionId === revisionId ? [{ ...passage, sourceId: source.id, revisionId: source.revisionId }] : [];
          }),
        },
      },
      select: { id: true },
    });
    factRows.push(created.id);
  }
  return { sources, tags, liveTags, factRows };
}

async function copyAnnotations(tx: DbTx, actor: Actor, fromId: string, toId: string, workspaceId: string, ids: CopiedIds, assignmentId: string | null) {
  const rows = await tx.annotation.findMany({
    where: { comparisonId: fromId, deletedAt: null, hiddenAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      sourceId: true,
      revisionId: true,
      authorId: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      anchorStatus: true,
      anchorScore: true,
      comment: true,
      isClaim: true,
      claimAsserter: true,
      claimAssertedBy: true,
      claimStatus: true,
    },
  });
  const [tagRows, evidenceRows] = await Promise.all([
    tx.annotationTag.findMany({ where: { annotation: { comparisonId: fromId, deletedAt: null, hiddenAt: null } }, select: { annotationId: true, tagId: true } }),
    tx.claimEvidence.findMany({ where: { annotation: { comparisonId: fromId, deletedAt: null, hiddenAt: null, isClaim: true } }, select: { annotationId: true, url: true, note: true } }),
  ]);
  const members = await tx.membership.findMany({
    where: { workspaceId, role: { not: "STUDENT" }, userId: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { userId: true },
  });
  const keepsAuthor = new Set(members.map((m) => m.userId));
  const newId = new Map<string, string>();
  let reattributed = 0;
  const data = rows.flatMap(({ id, sourceId, revisionId, authorId, ...fields }) => {
    const source = ids.sources.get(sourceId);
    if (!source || source.fromRevisionId !== revisionId) return [];
    const copyId = randomUUID();
    newId.set(id, copyId);
    const author = keepsAuthor.has(authorId) ? authorId : actor.id;
    if (author !== authorId) reattributed++;
    return [{ ...fields, id: copyId, comparisonId: toId, sourceId: source.id, revisionId: source.revisionId, authorId: author, copiedFromId: id, assignmentId, isKey: assignmentId !== null }];
  });
  await tx.annotation.createMany({ data });
  await tx.annotationTag.createMany({
    data: tagRows.flatMap((row) => {
      const annotationId = newId.get(row.annotationId);
      const tagId = ids.tags.get(row.tagId);
      return annotationId && tagId ? [{ annotationId, tagId }] : [];
    }),
  });
  await tx.claimEvidence.createMany({
    data: evidenceRows.flatMap(({ annotationId, ...evidence }) => {
      const copyId = newId.get(annotationId);
      return copyId ? [{ ...evidence, annotationId: copyId }] : [];
    }),
  });
  return { copied: data.length, reattributed };
}
