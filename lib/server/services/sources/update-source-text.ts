import "server-only";
import { normalizeText } from "@/lib/domain/text";
import { ZUpdateSourceText } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/errors";
import { AppError } from "@/lib/server/errors";
import { assertSourceTextFits } from "@/lib/server/import/extract-source";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { findSourceInComparison } from "./find-source";
import { reanchorTargets } from "./reanchor-targets";
import { revisionFields } from "./revision-fields";

/**
 * Saves an edited text as a new revision and re-anchors the source's passages and
 * annotations on it. An edit based on an older revision than the current one is refused,
 * so two editors never overwrite each other's corrections.
 */
export async function updateSourceText(actor: Actor, workspaceSlug: string, comparisonSlug: string, sourceId: string, input: unknown) {
  const { text: raw, baseRevision } = parseInput(ZUpdateSourceText, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const text = normalizeText(raw);
  if (!text) {
    const message = "The text is empty: a source needs its article's text.";
    throw new AppError("INVALID_INPUT", message, { text: message });
  }
  assertSourceTextFits(text, "text");

  const conflict = (current: number) =>
    new AppError(
      "CONFLICT",
      `Someone saved revision ${current} while you were editing revision ${baseRevision}. Reload to see it, then apply your changes again.`,
    );
  try {
    return await saveRevision();
  } catch (error) {
    // Two saves from the same base race for the same revision number; the loser hears so.
    if (isUniqueViolation(error)) throw conflict(baseRevision + 1);
    throw error;
  }

  function saveRevision() {
    return db().$transaction(
    async (tx) => {
      const source = await findSourceInComparison(tx, comparison.id, sourceId);
      const current = source.currentRevision;
      if (current.number !== baseRevision) throw conflict(current.number);
      if (current.text === text) return { revision: current.number, changed: false, reanchored: null };
      const revision = await tx.sourceRevision.create({
        data: { sourceId, number: current.number + 1, createdById: actor.id, ...revisionFields(text) },
      });
      await tx.source.update({ where: { id: sourceId }, data: { currentRevisionId: revision.id } });
      const reanchored = await reanchorTargets(tx, sourceId, current, revision);
      return { revision: revision.number, changed: true, reanchored };
    },
    { timeout: 30_000 },
    );
  }
}
