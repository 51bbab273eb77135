/**
 * Analysers that are a view of the lexicon: the terms of some categories, proposing the tags
 * of one tag set. Several analysers read the same lexicon so that each can be measured, and
 * switched on or off, on its own.
 */
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
}

export function lexiconAnalyser(spec: LexiconAnalyserSpec): Analyser {
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
          if (set !== spec.set || !spec.tags.some((t) => t.tag === tag)) continue;
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
      return proposals;
    },
  };
}
