import "server-only";
import { DEFAULT_TAXONOMY } from "@/lib/domain/taxonomy";
import type { DbTx } from "@/lib/server/db/client";

/** Copies the default tag sets into a new comparison, which then edits its own copy. */
export async function installDefaultTaxonomy(tx: DbTx, comparisonId: string) {
  for (const [setPosition, set] of DEFAULT_TAXONOMY.entries()) {
    await tx.tagSet.create({
      data: {
        comparisonId,
        key: set.key,
        name: set.name,
        description: set.description,
        position: setPosition,
        tags: {
          create: set.tags.map((tag, position) => ({
            name: tag.name,
            description: tag.description,
            color: tag.color,
            position,
          })),
        },
      },
    });
  }
}
