import { splitClauses } from "./clauses";
import { isProse, prepareSource } from "./features";
import type { Span } from "./sentences";
import { segmentSentences } from "./sentences";
import type { IdfTable, Weighted } from "./similarity";
import { DEFAULT_MIN_SCORE, featuresOf, round, scoreWeighted, sumFeatures, weigh } from "./similarity";

/**
 * Suggested matching passages for the side-by-side view: for a passage the editor picked,
 * the few passages of each other source that most likely report the same fact, scored as
 * Align all scores (similarity.ts), none below the minimum score.
 *
 * Candidates are sentences, the clauses of sentences that have several (a long sentence
 * often carries two facts), and windows of two consecutive sentences (a fact one outlet
 * tells in one sentence, another in two).
 *
 * Everything that depends on one source only (sentences, clauses, their features) is
 * computed once per source text (buildSourceIndex); IDF and weighted vectors once per set
 * of sources (buildAlignmentCorpus), which the app caches by revision; a query then only
 * extracts the picked passage's features and scores the candidates.
 */

export type Granularity = "sentence" | "clause" | "sentences";

/** Share of its score a candidate keeps when it matches only a clause of the picked passage. */
export const PART_FACTOR = 0.85;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly granularity: Granularity;
  readonly features: ReadonlyMap<string, number>;
}

export interface SourceIndex {
  readonly text: string;
  readonly sentences: readonly Span[];
  /** Features of each sentence: the documents IDF is computed over. */
  readonly sentenceFeatures: readonly ReadonlyMap<string, number>[];
  readonly candidates: readonly Candidate[];
}

export function buildSourceIndex(text: string): SourceIndex {
  const sentences = segmentSentences(text);
  const extract = prepareSource(text);
  const sentenceFeatures = extract(sentences);
  const prose = sentences.map((s) => isProse(text.slice(s.start, s.end)));
  // Clauses only of sentences that have several; a one-clause sentence is its own candidate.
  const clausesOf = sentences.map((s, i) => {
    const clauses = prose[i] ? splitClauses(text, s) : [];
    return clauses.length > 1 ? clauses : [];
  });
  const clauseFeatures = extract(clausesOf.flat());
  let nextClause = 0;
  const candidates: Candidate[] = [];
  sentences.forEach((s, i) => {
    if (!prose[i]) return;
    const features = sentenceFeatures[i] as Map<string, number>;
    candidates.push({ start: s.start, end: s.end, granularity: "sentence", features });
    for (const c of clausesOf[i] as Span[]) {
      candidates.push({ start: c.start, end: c.end, granularity: "clause", features: clauseFeatures[nextClause++] as Map<string, number> });
    }
    const next = sentences[i + 1];
    if (next && prose[i + 1]) {
      candidates.push({ start: s.start, end: next.end, granularity: "sentences", features: sumFeatures([features, sentenceFeatures[i + 1] as Map<string, number>]) });
    }
  });
  return { text, sentences, sentenceFeatures, candidates };
}

/** A source to search. Pass `index` (from buildSourceIndex(text)) to skip re-indexing. */
export interface SourceInput {
  id: string;
  text: string;
  index?: SourceIndex;
}

interface CorpusSource {
  readonly id: string;
  readonly index: SourceIndex;
  /** Per candidate, its IDF-weighted vector. */
  readonly weighted: readonly Weighted[];
}

/** Sources prepared for repeated suggestion queries. Build once per set of source revisions. */
export interface AlignmentCorpus {
  readonly kind: "alignment-corpus";
  readonly sources: readonly CorpusSource[];
  /** Sentence-level document frequencies over all sources. */
  readonly idf: IdfTable;
}

export function buildAlignmentCorpus(sources: readonly SourceInput[]): AlignmentCorpus {
  const indexes = sources.map((s) => (s.index && s.index.text === s.text ? s.index : buildSourceIndex(s.text)));
  const df = new Map<string, number>();
  let documentCount = 0;
  for (const index of indexes) {
    for (const features of index.sentenceFeatures) {
      documentCount++;
      for (const f of features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    }
  }
  const idf: IdfTable = { documentCount, df };
  return {
    kind: "alignment-corpus",
    sources: sources.map((s, k) => {
      const index = indexes[k] as SourceIndex;
      return { id: s.id, index, weighted: index.candidates.map((c) => weigh(c.features, idf)) };
    }),
    idf,
  };
}

export interface SuggestOptions {
  /** Matches per source (default 3). */
  limit?: number;
  /** Nothing scoring below this is suggested (default DEFAULT_MIN_SCORE, as Align all). */
  minScore?: number;
  /** Skip this source, typically the one the passage was picked from. */
  excludeSourceId?: string;
  /**
   * Allow overlapping matches in one source (default false). A good sentence usually
   * also makes its clauses and the windows containing it score high; listing them all
   * would waste the suggestion slots on one place, so by default a match that overlaps a
   * better one is skipped.
   */
  allowOverlap?: boolean;
}

export interface PassageMatch {
  start: number;
  end: number;
  text: string;
  /**
   * In [0, 1]: the similarity (similarity.ts, with the corpus IDF) to the passage, or
   * PART_FACTOR times that to the clause of it that matches best, whichever is higher.
   */
  score: number;
  /** A whole sentence, one clause of a sentence, or two consecutive sentences. */
  granularity: Granularity;
}

export interface SourceSuggestions {
  sourceId: string;
  matches: PassageMatch[];
}

/**
 * For each source (in input order), the passages most similar to `passage` or to one of
 * its clauses, best first, none below the minimum score. Ties are broken by position (earlier first, then shorter
 * first), so the ordering is stable for identical input.
 */
export function suggestPassages(
  passage: string,
  sources: readonly SourceInput[] | AlignmentCorpus,
  options: SuggestOptions = {},
): SourceSuggestions[] {
  const corpus = isCorpus(sources) ? sources : buildAlignmentCorpus(sources);
  const limit = Math.max(0, Math.floor(options.limit ?? 3));
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  // The passage, and its clauses when it has several: a picked sentence often reports two
  // facts ("rallies were held for the general, who was killed in a drone strike"), and
  // each should find its counterparts. A candidate scores its best match among them, a
  // match to a part counting PART_FACTOR of its score, so that what matches the whole
  // passage comes first.
  const queries = [
    { factor: 1, vector: weigh(featuresOf(passage), corpus.idf) },
    ...passageClauses(passage).map((q) => ({ factor: PART_FACTOR, vector: weigh(featuresOf(q), corpus.idf) })),
  ];

  const results: SourceSuggestions[] = [];
  for (const source of corpus.sources) {
    if (source.id === options.excludeSourceId) continue;
    const candidates: PassageMatch[] = [];
    source.index.candidates.forEach((c, k) => {
      let score = 0;
      for (const q of queries) score = Math.max(score, round(q.factor * scoreWeighted(q.vector, source.weighted[k] as Weighted)));
      if (score > 0 && score >= minScore) {
        candidates.push({ start: c.start, end: c.end, text: source.index.text.slice(c.start, c.end), score, granularity: c.granularity });
      }
    });
    candidates.sort((x, y) => y.score - x.score || x.start - y.start || x.end - y.end);

    const matches: PassageMatch[] = [];
    for (const c of candidates) {
      if (matches.length >= limit) break;
      if (!options.allowOverlap && matches.some((m) => c.start < m.end && m.start < c.end)) continue;
      matches.push(c);
    }
    results.push({ sourceId: source.id, matches });
  }
  return results;
}

function passageClauses(passage: string): string[] {
  const clauses = segmentSentences(passage).flatMap((s) => splitClauses(passage, s));
  return clauses.length > 1 ? clauses.map((c) => passage.slice(c.start, c.end)) : [];
}

function isCorpus(x: readonly SourceInput[] | AlignmentCorpus): x is AlignmentCorpus {
  return !Array.isArray(x) && (x as AlignmentCorpus).kind === "alignment-corpus";
}
