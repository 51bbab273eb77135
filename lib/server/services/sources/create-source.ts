import "server-only";
import { stripBidiControls } from "@/lib/domain/text";
import { detectLanguage } from "@/lib/domain/text/language";
import type { Source } from "@/lib/generated/prisma/client";
import { ZSourceMetadata, type TSourceMetadata } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { extractSource, type ExtractedSource } from "@/lib/server/import/extract-source";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { revisionFields } from "./revision-fields";

export type SourceContent = Parameters<typeof extractSource>[0];

/** A new source checked and extracted (extractSource), ready to store: nothing of it is in the database yet. */
export interface PreparedSource {
  meta: TSourceMetadata;
  extracted: ExtractedSource;
}

/**
 * Adds one article to a comparison: extracts and normalizes its text, then stores the
 * source and its first revision in one transaction. The same text already in the
 * comparison is refused unless the editor confirms.
 */
export async function createSource(
  actor: Actor,
  workspaceSlug: string,
  comparisonSlug: string,
  { content, metadata }: { content: SourceContent; metadata: unknown },
) {
  const meta = parseInput(ZSourceMetadata, metadata);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  // extractSource refuses empty, oversized and unsafe text before anything is saved.
  const extracted = await extractSource(content);
  const stored = await db().$transaction((tx) => storeSource(tx, actor, comparison, { meta, extracted }));
  if ("twin" in stored) {
    const message = `This text is already in the comparison as “${stored.twin}”. Add it again only if that is intended.`;
    throw new AppError("CONFLICT", message, { duplicate: message });
  }
  return stored.source;
}

/**
 * Stores a prepared source and its first revision in the caller's transaction, so that
 * several can be saved all together or not at all. When the same text is already in the
 * comparison and no duplicate was confirmed, nothing is stored and the twin's title is
 * returned instead.
 */
export async function storeSource(
  tx: DbTx,
  actor: Actor,
  comparison: { id: string; workspaceId: string },
  { meta, extracted }: PreparedSource,
): Promise<{ source: Source } | { twin: string }> {
  const fields = revisionFields(extracted.text);
  if (!meta.confirmDuplicate) {
    const twin = await tx.source.findFirst({
      where: { comparisonId: comparison.id, currentRevision: { textHash: fields.textHash } },
      select: { title: true },
    });
    if (twin) return { twin: twin.title };
  }
  const outletId = await resolveOutlet(tx, comparison.workspaceId, meta.outletId, meta.outletName ?? extracted.siteName);
  const last = await tx.source.aggregate({ where: { comparisonId: comparison.id }, _max: { position: true } });
  const source = await tx.source.create({
    data: {
      comparisonId: comparison.id,
      outletId,
      title: meta.title ?? extracted.title ?? titleFromText(extracted.text),
      author: meta.author ?? extracted.author,
      url: meta.url ?? extracted.url,
      publishedAt: toDate(meta.publishedAt ?? extracted.publishedAt),
      language: detectLanguage(extracted.text),
      position: (last._max.position ?? -1) + 1,
    },
  });
  const revision = await tx.sourceRevision.create({
    data: { sourceId: source.id, number: 1, createdById: actor.id, ...fields },
  });
  return { source: await tx.source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } }) };
}

async function resolveOutlet(tx: DbTx, workspaceId: string, outletId?: string, outletName?: string) {
  if (outletId) {
    const outlet = await tx.outlet.findFirst({ where: { id: outletId, workspaceId }, select: { id: true } });
    if (!outlet) throw notFound("That outlet");
    return outlet.id;
  }
  if (!outletName) return undefined;
  const outlet = await tx.outlet.upsert({
    where: { workspaceId_name: { workspaceId, name: outletName } },
    create: { workspaceId, name: outletName },
    update: {},
    select: { id: true },
  });
  return outlet.id;
}

/**
 * Without a title given or found, the first line stands in: in pasted news text it is usually
 * the headline. Article text may keep direction marks; a title, shown inline, may not.
 */
function titleFromText(text: string): string {
  const first = stripBidiControls(text.split("\n", 1)[0]!).trim();
  return first.length <= 160 ? first : `${first.slice(0, 157).trimEnd()}…`;
}

function toDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
