import "server-only";
import type { DemoContent } from "@/prisma/demo/load-demo";
import type { DbTx } from "@/lib/server/db/client";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { selectorColumns } from "@/lib/server/services/sources/span-target";

/**
 * Writes the demo comparison (outlets, sources, fact rows, default taxonomy) into a
 * workspace. The demo newsroom and the demo class both start from it.
 */
export async function writeDemoComparison(tx: DbTx, workspaceId: string, userId: string, content: DemoContent) {
  const outletIds = new Map<string, string>();
  for (const outlet of content.outlets) {
    const created = await tx.outlet.create({ data: { workspaceId, ...outlet } });
    outletIds.set(outlet.name, created.id);
  }

  const { comparison: meta } = content;
  const comparison = await tx.comparison.create({
    data: {
      workspaceId,
      slug: meta.slug,
      title: meta.title,
      description: meta.description,
      eventDate: new Date(meta.eventDate),
      createdById: userId,
    },
  });
  await installDefaultTaxonomy(tx, comparison.id);

  const sources = new Map<string, { id: string; revisionId: string; text: string }>();
  for (const [position, doc] of content.documents.entries()) {
    const source = await tx.source.create({
      data: {
        comparisonId: comparison.id,
        outletId: outletIds.get(doc.outlet),
        title: doc.title,
        author: doc.author,
        url: doc.url,
        publishedAt: new Date(doc.published),
        position,
      },
    });
    const revision = await tx.sourceRevision.create({
      data: { sourceId: source.id, number: 1, createdById: userId, ...revisionFields(doc.text) },
    });
    await tx.source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } });
    sources.set(doc.file, { id: source.id, revisionId: revision.id, text: doc.text });
  }

  /** Where a quote the loader checked sits in its source: ids and offsets. */
  const locate = (file: string, exact: string) => {
    const source = sources.get(file);
    const start = source?.text.indexOf(exact) ?? -1;
    if (!source || start < 0) throw new Error(`Demo content: "${exact}" is not in ${file}.`);
    return { sourceId: source.id, revisionId: source.revisionId, text: source.text, start, end: start + exact.length };
  };
  const target = (file: string, exact: string) => {
    const { sourceId, revisionId, text, start, end } = locate(file, exact);
    return { sourceId, revisionId, ...selectorColumns(text, start, end) };
  };

  const factRowIds: string[] = [];
  for (const [position, row] of content.factRows.entries()) {
    const created = await tx.factRow.create({
      data: {
        comparisonId: comparison.id,
        label: row.label,
        position,
        passages: { create: Object.entries(row.passages).map(([file, exact]) => target(file, exact)) },
      },
    });
    factRowIds.push(created.id);
  }

  const tags = await tx.tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, include: { tagSet: true } });
  const tagId = (set: string, name: string) => {
    const tag = tags.find((t) => t.tagSet.key === set && t.name === name);
    if (!tag) throw new Error(`Demo content: no tag "${name}" in ${set}.`);
    return tag.id;
  };

  return { comparison, sourceIds: new Map([...sources].map(([file, s]) => [file, s.id])), factRowIds, locate, target, tagId };
}
