import type { Span } from "./sentences";
import { segmentSentences } from "./sentences";
import type { IdfTable } from "./similarity";
import { combineScores, idfWeight } from "./similarity";
import { contentTerms, countMap, trigramKeys } from "./text";

/**
 * Suggested matching passages for the side-by-side view.
 *
 * Performance design. Everything that depends on one source only is computed once per
 * source text (buildSourceIndex): sentence spans, per-sentence term and trigram counts,
 * inverted indexes from term/trigram to sentences, trigram norms. Everything that depends
 * on the set of sources (IDF, IDF-weighted norms) is computed once per set
 * (buildAlignmentCorpus). A query then only tokenises the picked passage and walks the
 * postings of its own terms and trigrams: cost grows with the passage length and the
 * number of sentences sharing its words, not with the total size of the sources.
 *
 * Candidates are single sentences and windows of two consecutive sentences. A window's
 * vector is the sum of its two sentences' vectors, so its dot product with the query is
 * the sum of theirs, and its squared norm is |s1|^2 + |s2|^2 + 2 s1.s2 with s1.s2
 * precomputed per adjacent pair. No window is ever tokenised on its own.
 */

interface Postings {
  sentences: number[];
  counts: number[];
}

export interface SourceIndex {
  readonly text: string;
  readonly sentences: readonly Span[];
  /** Per sentence: stemmed content term -> count. */
  readonly sentenceTerms: readonly ReadonlyMap<string, number>[];
  /** Number of sentences that contain each term (document frequency within this source). */
  readonly df: ReadonlyMap<string, number>;
  readonly termPostings: ReadonlyMap<string, Postings>;
  readonly gramPostings: ReadonlyMap<number, Postings>;
  /** Per sentence: squared norm of the trigram count vector. */
  readonly gramNormSq: Float64Array;
  /** Per sentence i: trigram dot product of sentence i and sentence i + 1. */
  readonly gramAdjacentDot: Float64Array;
}

export function buildSourceIndex(text: string): SourceIndex {
  const sentences = segmentSentences(text);
  const sentenceTerms: Map<string, number>[] = [];
  const sentenceGrams: Map<number, number>[] = [];
  const df = new Map<string, number>();
  const termPostings = new Map<string, Postings>();
  const gramPostings = new Map<number, Postings>();
  const gramNormSq = new Float64Array(sentences.length);

  sentences.forEach((span, i) => {
    const sentence = text.slice(span.start, span.end);
    const terms = countMap(contentTerms(sentence));
    const grams = countMap(trigramKeys(sentence));
    sentenceTerms.push(terms);
    sentenceGrams.push(grams);
    for (const [term, count] of terms) {
      df.set(term, (df.get(term) ?? 0) + 1);
      addPosting(termPostings, term, i, count);
    }
    let normSq = 0;
    for (const [gram, count] of grams) {
      addPosting(gramPostings, gram, i, count);
      normSq += count * count;
    }
    gramNormSq[i] = normSq;
  });

  const gramAdjacentDot = new Float64Array(Math.max(0, sentences.length - 1));
  for (let i = 0; i + 1 < sentences.length; i++) {
    gramAdjacentDot[i] = sparseDot(sentenceGrams[i] as Map<number, number>, sentenceGrams[i + 1] as Map<number, number>, () => 1);
  }
  return { text, sentences, sentenceTerms, df, termPostings, gramPostings, gramNormSq, gramAdjacentDot };
}

function addPosting<K>(map: Map<K, Postings>, key: K, sentence: number, count: number) {
  let p = map.get(key);
  if (!p) {
    p = { sentences: [], counts: [] };
    map.set(key, p);
  }
  p.sentences.push(sentence);
  p.counts.push(count);
}

function sparseDot<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>, weightSq: (k: K) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, c] of small) {
    const d = large.get(k);
    if (d !== undefined) dot += c * d * weightSq(k);
  }
  return dot;
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
  /** Per sentence: squared norm of the TF-IDF vector. */
  readonly wordNormSq: Float64Array;
  /** Per sentence i: TF-IDF dot product of sentences i and i + 1. */
  readonly wordAdjacentDot: Float64Array;
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
    documentCount += index.sentences.length;
    for (const [term, n] of index.df) df.set(term, (df.get(term) ?? 0) + n);
  }
  const idf: IdfTable = { documentCount, df };
  const idfCache = new Map<string, number>();
  const idfSq = (term: string) => {
    let w = idfCache.get(term);
    if (w === undefined) {
      w = idfWeight(idf, term) ** 2;
      idfCache.set(term, w);
    }
    return w;
  };

  const prepared = sources.map((s, k): CorpusSource => {
    const index = indexes[k] as SourceIndex;
    const n = index.sentences.length;
    const wordNormSq = new Float64Array(n);
    const wordAdjacentDot = new Float64Array(Math.max(0, n - 1));
    for (let i = 0; i < n; i++) {
      const terms = index.sentenceTerms[i] as ReadonlyMap<string, number>;
      let normSq = 0;
      for (const [term, c] of terms) normSq += c * c * idfSq(term);
      wordNormSq[i] = normSq;
      if (i + 1 < n) wordAdjacentDot[i] = sparseDot(terms, index.sentenceTerms[i + 1] as ReadonlyMap<string, number>, idfSq);
    }
    return { id: s.id, index, wordNormSq, wordAdjacentDot };
  });
  return { kind: "alignment-corpus", sources: prepared, idf };
}

const DEFAULT_MIN_SCORE = 0.01;

export interface SuggestOptions {
  /** Matches per source (default 3). */
  limit?: number;
  /**
   * Drop matches scoring below this (default 0.01). Below about 0.01 a passage shares no
   * content word with the picked one, only a letter sequence or two, which is noise.
   */
  minScore?: number;
  /** Skip this source, typically the one the passage was picked from. */
  excludeSourceId?: string;
  /**
   * Allow overlapping matches in one source (default false). A good sentence usually
   * also makes the two windows containing it score high; listing all three would waste
   * the suggestion slots on one place, so by default a match that overlaps a better one
   * is skipped.
   */
  allowOverlap?: boolean;
}

export interface PassageMatch {
  start: number;
  end: number;
  text: string;
  /** In [0, 1]; the same value similarity(passage, text, { corpus: corpus.idf }) gives. */
  score: number;
}

export interface SourceSuggestions {
  sourceId: string;
  matches: PassageMatch[];
}

/**
 * For each source (in input order), the passages most similar to `passage`, best first.
 * Ties are broken by position (earlier first, then shorter first), so the ordering is
 * stable for identical input.
 */
export function suggestPassages(
  passage: string,
  sources: readonly SourceInput[] | AlignmentCorpus,
  options: SuggestOptions = {},
): SourceSuggestions[] {
  const corpus = isCorpus(sources) ? sources : buildAlignmentCorpus(sources);
  const limit = Math.max(0, Math.floor(options.limit ?? 3));
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;

  const qTerms = countMap(contentTerms(passage));
  const qGrams = countMap(trigramKeys(passage));
  const qTermWeight = new Map<string, number>();
  let qWordNormSq = 0;
  for (const [term, c] of qTerms) {
    const idf = idfWeight(corpus.idf, term);
    qTermWeight.set(term, c * idf * idf);
    qWordNormSq += (c * idf) ** 2;
  }
  let qGramNormSq = 0;
  for (const c of qGrams.values()) qGramNormSq += c * c;
  const qWordNorm = Math.sqrt(qWordNormSq);
  const qGramNorm = Math.sqrt(qGramNormSq);

  const results: SourceSuggestions[] = [];
  for (const source of corpus.sources) {
    if (source.id === options.excludeSourceId) continue;
    const { index } = source;
    const n = index.sentences.length;
    const wordDot = new Float64Array(n);
    const gramDot = new Float64Array(n);
    for (const [term, w] of qTermWeight) accumulate(index.termPostings.get(term), w, wordDot);
    for (const [gram, c] of qGrams) accumulate(index.gramPostings.get(gram), c, gramDot);

    const candidates: PassageMatch[] = [];
    const consider = (first: number, last: number, wDot: number, wNormSq: number, gDot: number, gNormSq: number) => {
      if (wDot <= 0 && gDot <= 0) return;
      const wordCos = wDot > 0 ? Math.min(1, wDot / (qWordNorm * Math.sqrt(wNormSq))) : 0;
      const gramCos = gDot > 0 ? Math.min(1, gDot / (qGramNorm * Math.sqrt(gNormSq))) : 0;
      const score = combineScores(wordCos, gramCos);
      if (score <= 0 || score < minScore) return;
      const start = (index.sentences[first] as Span).start;
      const end = (index.sentences[last] as Span).end;
      candidates.push({ start, end, text: index.text.slice(start, end), score });
    };
    for (let i = 0; i < n; i++) {
      consider(i, i, wordDot[i] as number, source.wordNormSq[i] as number, gramDot[i] as number, index.gramNormSq[i] as number);
      if (i + 1 < n) {
        consider(
          i,
          i + 1,
          (wordDot[i] as number) + (wordDot[i + 1] as number),
          (source.wordNormSq[i] as number) + (source.wordNormSq[i + 1] as number) + 2 * (source.wordAdjacentDot[i] as number),
          (gramDot[i] as number) + (gramDot[i + 1] as number),
          (index.gramNormSq[i] as number) + (index.gramNormSq[i + 1] as number) + 2 * (index.gramAdjacentDot[i] as number),
        );
      }
    }
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

function accumulate(postings: Postings | undefined, weight: number, into: Float64Array) {
  if (!postings) return;
  const { sentences, counts } = postings;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] as number;
    into[s] = (into[s] as number) + weight * (counts[k] as number);
  }
}

function isCorpus(x: readonly SourceInput[] | AlignmentCorpus): x is AlignmentCorpus {
  return !Array.isArray(x) && (x as AlignmentCorpus).kind === "alignment-corpus";
}
