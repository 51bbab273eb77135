/**
 * How far to trust each analyser: its proposals scored against a reference layer (a
 * reviewer's annotations, or an imported gold layer) by word-token overlap per tag, the
 * measure the classroom scores students with (lib/domain/classroom/scoring.ts), so the
 * figures read the same way on both pages.
 *
 * Every proposal counts here, decided or not: the question is what the analyser proposes,
 * not what reviewers happened to accept. Tags are compared by name within a tag set
 * ("Framing devices / Loaded language"), since proposals name tags of the default taxonomy.
 */
import { tokenUnits, type LabeledSpan } from "@/lib/domain/agreement";
import { scoreAgainstKey, type Score } from "@/lib/domain/classroom/scoring";

export interface ScoredProposal {
  sourceId: string;
  analyser: string;
  /** "<tag set> / <tag>", as referenceTagKey builds it. */
  tagKey: string;
  start: number;
  end: number;
}

export interface ReferenceSpan {
  sourceId: string;
  tagKey: string;
  start: number;
  end: number;
}

export interface AnalyserPrecision {
  analyser: string;
  overall: Score;
  perTag: (Score & { tagKey: string })[];
}

export function referenceTagKey(tagSetName: string, tagName: string): string {
  return `${tagSetName} / ${tagName}`;
}

/**
 * Per analyser: precision and recall against the reference over the given texts, overall
 * and for each tag the analyser proposes. Recall is over the reference's spans of those
 * tags only: an analyser is not blamed for tags it never claims to propose.
 */
export function analyserPrecision(
  texts: readonly { sourceId: string; text: string }[],
  proposals: readonly ScoredProposal[],
  reference: readonly ReferenceSpan[],
): AnalyserPrecision[] {
  const analysers = [...new Set(proposals.map((p) => p.analyser))].sort();
  const units = new Map(texts.map((t) => [t.sourceId, tokenUnits(t.text)]));
  const spansOf = (spans: readonly { sourceId: string; tagKey: string; start: number; end: number }[], sourceId: string): LabeledSpan[] =>
    spans.filter((s) => s.sourceId === sourceId).map((s) => ({ start: s.start, end: s.end, value: s.tagKey }));

  return analysers.map((analyser) => {
    const own = proposals.filter((p) => p.analyser === analyser);
    const tagKeys = [...new Set(own.map((p) => p.tagKey))].sort();
    const scored = scoreAgainstKey(
      texts.map((t) => ({
        units: units.get(t.sourceId)!,
        key: spansOf(reference, t.sourceId).filter((s) => tagKeys.includes(s.value)),
        answer: spansOf(own, t.sourceId),
      })),
      tagKeys,
    );
    return { analyser, overall: scored.overall, perTag: scored.perTag.map(({ tagId, ...score }) => ({ tagKey: tagId, ...score })) };
  });
}
