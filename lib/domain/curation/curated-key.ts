/**
 * A class key from a curated layer: which curated spans become key annotations of the copy,
 * and with which tags. Plain data in, plain data out.
 */

export interface KeySpan {
  sourceId: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  comment: string | null;
  tagIds: string[];
}

/** A span of the curated layer: a key span with the editors' verdict on it. */
export interface CuratedSpan extends KeySpan {
  verdict: "ACCEPTED" | "REJECTED";
}

/**
 * The key spans the copy gets: every accepted span, in the copy's source and revision, with
 * its tags in the copy's taxonomy. Rejected spans stay out (a rejection is a decision that the
 * span is not framing, not an answer), and so do spans curated on a revision the copy does not
 * have (the copy keeps only each source's current text) and spans none of whose tags the copy
 * has: a key annotation without a tag would mark an answer no student can match.
 */
export function curatedKeySpans(
  curated: readonly CuratedSpan[],
  sources: ReadonlyMap<string, { id: string; revisionId: string; fromRevisionId: string }>,
  tags: ReadonlyMap<string, string>,
): KeySpan[] {
  return curated.flatMap(({ verdict, sourceId, revisionId, tagIds, ...span }) => {
    const source = sources.get(sourceId);
    if (verdict !== "ACCEPTED" || !source || source.fromRevisionId !== revisionId) return [];
    const copiedTags = [...new Set(tagIds.flatMap((id) => tags.get(id) ?? []))];
    return copiedTags.length ? [{ ...span, sourceId: source.id, revisionId: source.revisionId, tagIds: copiedTags }] : [];
  });
}
