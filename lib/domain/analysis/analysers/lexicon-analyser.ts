/**
 * Analysers that are a view of the lexicon: the terms of some categories, proposing the tags
 * of one tag set, and the cue patterns (cues/) for forms a word list cannot hold. Several
 * analysers read the same lexicon so that each can be measured, and switched on or off, on
 * its own.
 */
import type { CuePattern } from "../cues/cue-pattern";
import { matchLexicon } from "../lexicon";
import type { Analyser, Proposal, ProposalSetName } from "../types";

export interface LexiconAnalyserSpec {
  id: string;
  version: number;
  description: string;
  defaultOn: boolean;
  /** Lexicon categories whose terms this analyser proposes. */
  categories: readonly string[];
  /** Of each category's proposed tags, those of this set. */
  set: ProposalSetName;
  tags: Analyser["tags"];
  /** Constructions proposed beside the lexicon's terms, each for one of `tags`. */
  patterns?: readonly CuePattern[];
}

export function lexiconAnalyser(spec: LexiconAnalyserSpec): Analyser {
  const proposes = (set: ProposalSetName, tag: string) => set === spec.set && spec.tags.some((t) => t.tag === tag);
  for (const pattern of spec.patterns ?? []) {
    if (!proposes(pattern.propose.set, pattern.propose.tag)) throw new Error(`Pattern ${pattern.id} proposes ${pattern.propose.tag}, which ${spec.id} does not.`);
  }
  return {
    id: spec.id,
    version: spec.version,
    description: spec.description,
    defaultOn: spec.defaultOn,
    tags: spec.tags,
    analyse(document, { lexicon }) {
      const proposals: Proposal[] = [];
      for (const match of matchLexicon(document, lexicon, spec.categories)) {
        const text = document.text.slice(match.start, match.end);
        for (const { set, tag } of match.category.propose) {
          if (!proposes(set, tag)) continue;
          proposals.push({
            start: match.start,
            end: match.end,
            set,
            tag,
            confidence: match.confidence,
            analyser: spec.id,
            reason: `‘${text}’ is on the loaded-terms list (${match.categoryId}): ${match.entry.note}`,
          });
        }
      }
      for (const pattern of spec.patterns ?? []) {
        for (const { start, end } of pattern.find(document)) {
          proposals.push({
            start,
            end,
            ...pattern.propose,
            confidence: pattern.confidence,
            analyser: spec.id,
            reason: `‘${document.text.slice(start, end)}’ matches the ${pattern.id} pattern: ${pattern.note}`,
          });
        }
      }
      return withoutNested(proposals);
    },
  };
}

/**
 * One proposal per stretch of text and tag: a term and a pattern may both mark "so-called", or a
 * pattern's span may hold a term of the same tag; the longer span is kept (the first, if equal).
 */
function withoutNested(proposals: Proposal[]): Proposal[] {
  const covers = (a: Proposal, b: Proposal) => a.tag === b.tag && a.set === b.set && a.start <= b.start && b.end <= a.end;
  return proposals
    .filter((p, i) => !proposals.some((q, j) => j !== i && covers(q, p) && (q.end - q.start > p.end - p.start || j < i)))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
