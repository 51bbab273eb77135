/** A highlighted stretch of one source with its tags, as a student or the key drew it. */
export interface TaggedSpan {
  id: string;
  start: number;
  end: number;
  tagIds: readonly string[];
}

/**
 * What a student's results point them to: a key span nobody of theirs covers with one of
 * its tags (`missed`), a span of theirs the key does not tag that way (`extra`), and a span
 * of theirs that meets the key (`found`). `spanId` names the span the finding is about, in
 * the key for a missed one and in the student's work otherwise.
 */
export interface Finding {
  kind: "missed" | "extra" | "found";
  spanId: string;
  start: number;
  end: number;
  tagIds: string[];
}

const overlaps = (a: TaggedSpan, b: TaggedSpan) => a.start < b.end && b.start < a.end;
const sharesTag = (a: TaggedSpan, b: TaggedSpan) => a.tagIds.some((t) => b.tagIds.includes(t));
const meets = (a: TaggedSpan, b: TaggedSpan) => overlaps(a, b) && sharesTag(a, b);

/** The findings of one source in text order; missed ones first where two start together. */
export function findingsAgainstKey(own: readonly TaggedSpan[], key: readonly TaggedSpan[]): Finding[] {
  const findings: Finding[] = [];
  for (const k of key) {
    if (!own.some((o) => meets(o, k))) findings.push({ kind: "missed", spanId: k.id, start: k.start, end: k.end, tagIds: [...k.tagIds] });
  }
  if (key.length > 0) {
    for (const o of own) {
      findings.push({ kind: key.some((k) => meets(o, k)) ? "found" : "extra", spanId: o.id, start: o.start, end: o.end, tagIds: [...o.tagIds] });
    }
  }
  const rank = { missed: 0, extra: 1, found: 2 } as const;
  return findings.sort((a, b) => a.start - b.start || rank[a.kind] - rank[b.kind]);
}
