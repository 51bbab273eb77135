import "server-only";
import { db } from "@/lib/server/db/client";

export interface ProposalTag {
  id: string;
  name: string;
  color: string;
  setName: string;
}

export function proposalTagKey(row: { tagSetKey: string; tagName: string }): string {
  return `${row.tagSetKey}/${row.tagName}`;
}

/**
 * The comparison's tags that proposals can carry, by default set key and tag name: the tag of
 * that name, or the one it was merged into. Retired tags carry none (they are not offered for
 * new annotations either); renamed ones neither, since the name no longer says the same.
 */
export async function proposalTags(comparisonId: string): Promise<Map<string, ProposalTag>> {
  const tagSets = await db().tagSet.findMany({
    where: { comparisonId },
    select: {
      key: true,
      name: true,
      tags: { select: { id: true, name: true, color: true, retiredAt: true, mergedInto: { select: { id: true, name: true, color: true, retiredAt: true } } } },
    },
  });
  const byKey = new Map<string, ProposalTag>();
  for (const set of tagSets) {
    for (const tag of set.tags) {
      const usable = tag.mergedInto ?? tag;
      if (!usable.retiredAt) byKey.set(proposalTagKey({ tagSetKey: set.key, tagName: tag.name }), { id: usable.id, name: usable.name, color: usable.color, setName: set.name });
    }
  }
  return byKey;
}
