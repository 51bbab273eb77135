import "server-only";
import { agreementChanges, type AgreementFigures, type FigureChange } from "@/lib/domain/agreement";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import type { getAgreement } from "./get-agreement";

type Agreement = Awaited<ReturnType<typeof getAgreement>>;

// Plain data of numbers, strings and nulls: JSON as it is.
const asJson = (figures: AgreementFigures) => figures as unknown as Prisma.InputJsonObject;

/** The figures the agreement page shows, in the form kept between visits. */
export function agreementFigures(sets: Agreement["sets"]): AgreementFigures {
  return {
    sets: sets.map((set) => {
      const tokenAlpha = new Map(set.perTag.map((t) => [t.tag.id, t.alpha]));
      const spanAlpha = new Map(set.span.perTag.map((t) => [t.tag.id, t.alpha]));
      const tags = [...new Map([...set.perTag, ...set.span.perTag].map((t) => [t.tag.id, t.tag])).values()];
      return {
        id: set.id,
        name: set.name,
        alpha: set.combined.alpha,
        alphaU: set.span.alphaU,
        open: set.disagreements.length,
        tags: tags.map((tag) => ({ id: tag.id, name: tag.name, alpha: tokenAlpha.get(tag.id) ?? null, alphaU: spanAlpha.get(tag.id) ?? null })),
      };
    }),
  };
}

export interface AgreementSinceLastChange {
  /** When the figures before the change were seen. */
  since: Date;
  /** When the changed figures were first seen. */
  changedAt: Date;
  changes: FigureChange[];
  /** Disagreements editors settled in between. */
  settled: { by: string; kind: "ACCEPTED" | "MERGED" | "RESOLVED"; set: string; at: Date }[];
}

/**
 * Keeps the figures the actor sees on a comparison's agreement page and says what changed
 * since they last saw different ones: the latest change stays on show across reloads until
 * the figures change again. The first visit has nothing to compare (null). The caller has
 * already checked that the actor may see the comparison's agreement.
 */
export async function recordAgreementVisit(
  actor: Actor,
  comparisonId: string,
  figures: AgreementFigures,
  now = new Date(),
): Promise<AgreementSinceLastChange | null> {
  const key = { userId_comparisonId: { userId: actor.id, comparisonId } };
  const seen = await db().agreementVisit.findUnique({ where: key, select: { figures: true, seenAt: true, previous: true, previousAt: true } });
  if (!seen) {
    await db().agreementVisit.upsert({ where: key, create: { userId: actor.id, comparisonId, figures: asJson(figures), seenAt: now }, update: {} });
    return null;
  }
  const stored = seen.figures as unknown as AgreementFigures;
  let before: AgreementFigures;
  let since: Date;
  let changedAt: Date;
  const fresh = agreementChanges(stored, figures);
  if (fresh.length > 0) {
    await db().agreementVisit.update({ where: key, data: { previous: asJson(stored), previousAt: seen.seenAt, figures: asJson(figures), seenAt: now } });
    [before, since, changedAt] = [stored, seen.seenAt, now];
  } else if (seen.previous && seen.previousAt) {
    [before, since, changedAt] = [seen.previous as unknown as AgreementFigures, seen.previousAt, seen.seenAt];
  } else {
    return null;
  }
  const changes = fresh.length > 0 ? fresh : agreementChanges(before, stored);
  const setName = new Map(figures.sets.map((s) => [s.id, s.name]));
  const resolutions = await db().disagreementResolution.findMany({
    where: { comparisonId, createdAt: { gt: since, lte: changedAt } },
    orderBy: { createdAt: "asc" },
    select: { kind: true, tagSetId: true, createdAt: true, resolvedBy: { select: { name: true } } },
  });
  return {
    since,
    changedAt,
    changes,
    settled: resolutions.map((r) => ({ by: r.resolvedBy.name, kind: r.kind, set: setName.get(r.tagSetId) ?? "a tag set since removed", at: r.createdAt })),
  };
}
