import { contentTerms, countMap, trigramKeys } from "./text";

/**
 * Document frequencies for inverse-document-frequency weighting. A "document" is whatever
 * unit the caller compares: for passage suggestions it is one sentence of a source, so a
 * name that appears in nearly every sentence of the comparison ("Soleimani" in coverage of
 * Soleimani) weighs little and the words that tell passages apart ("drone", "assassination",
 * "embassies") weigh a lot.
 */
export interface IdfTable {
  readonly documentCount: number;
  readonly df: ReadonlyMap<string, number>;
}

export function buildIdf(documents: readonly string[]): IdfTable {
  const df = new Map<string, number>();
  for (const doc of documents) {
    for (const term of new Set(contentTerms(doc))) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { documentCount: documents.length, df };
}

/**
 * Smoothed IDF, ln((N + 1) / (df + 1)) + 1: never zero (a term in every document still
 * counts a little) and finite for terms the corpus has never seen. Without a table every
 * term weighs 1.
 */
export function idfWeight(table: IdfTable | undefined, term: string): number {
  if (!table) return 1;
  return Math.log((table.documentCount + 1) / ((table.df.get(term) ?? 0) + 1)) + 1;
}

/**
 * How the two channels are combined (see similarity()). The word channel carries the
 * meaning; the trigram channel rescues spelling and morphology variants. Trigram cosine
 * has a floor for any two English passages (common letter sequences such as "ion", "ing",
 * " co"), so it is rescaled to start at TRIGRAM_FLOOR before it is mixed in; otherwise
 * unrelated passages would get scores of 0.1-0.2 from trigrams alone.
 */
export const WORD_WEIGHT = 0.6;
export const TRIGRAM_WEIGHT = 0.4;
export const TRIGRAM_FLOOR = 0.1;

export function combineScores(wordCosine: number, trigramCosine: number): number {
  const tri = Math.max(0, (trigramCosine - TRIGRAM_FLOOR) / (1 - TRIGRAM_FLOOR));
  const score = WORD_WEIGHT * wordCosine + TRIGRAM_WEIGHT * tri;
  // Rounded to 6 decimals: identical passages score exactly 1 instead of 0.9999999999,
  // and the last bits of floating-point noise cannot reorder otherwise equal matches.
  return Math.min(1, Math.max(0, Math.round(score * 1e6) / 1e6));
}

export interface SimilarityOptions {
  /**
   * Documents to take inverse document frequencies from (or a table built once with
   * buildIdf). Without it all content words weigh the same.
   */
  corpus?: readonly string[] | IdfTable;
}

/**
 * Similarity of two passages in [0, 1], symmetric; 1 for texts with the same content
 * words, 0 for texts that share no content word and no spelling.
 *
 * Two channels, both cosine similarities:
 * - Content words: lower-cased, accents folded, lightly stemmed, stop words removed,
 *   weighted by term frequency x IDF. This is the signal that two passages talk about the
 *   same thing ("killed ... drone strike ... January 3, 2020"), and IDF keeps the words
 *   common to the whole comparison from making every passage look alike.
 * - Character trigrams of the content words: paraphrases across outlets share names and
 *   numbers but spell and inflect them differently (Qasem/Qassem, al-Muhandis/Mohandes,
 *   assassinated/assassination, Iran/Iranian). Trigrams give partial credit where exact
 *   word matching gives none, and also cover what the stemmer does not.
 * Word bigrams were the alternative for the second channel; they reward shared phrasing,
 * but the point of Parallax is that outlets phrase the same fact differently, so bigrams
 * would mostly be zero exactly where a match is wanted. Embeddings would catch synonyms
 * ("killed" / "assassinated") but need a model; these two channels are cheap, explainable
 * and fast enough to rank every passage of several sources per keystroke.
 */
export function similarity(a: string, b: string, options: SimilarityOptions = {}): number {
  const table = options.corpus === undefined ? undefined : "df" in options.corpus ? options.corpus : buildIdf(options.corpus);
  const wordCos = weightedCosine(countMap(contentTerms(a)), countMap(contentTerms(b)), (t) => idfWeight(table, t));
  const triCos = weightedCosine(countMap(trigramKeys(a)), countMap(trigramKeys(b)), () => 1);
  if (wordCos === 0 && triCos === 0) {
    // No content at all on one side (e.g. only stop words): fall back to exact equality.
    return a.trim() !== "" && a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
  }
  return combineScores(wordCos, triCos);
}

export function weightedCosine<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>, weight: (key: K) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, ca] of a) {
    const w = weight(k);
    const wa = ca * w;
    na += wa * wa;
    const cb = b.get(k);
    if (cb !== undefined) dot += wa * cb * w;
  }
  for (const [k, cb] of b) {
    const wb = cb * weight(k);
    nb += wb * wb;
  }
  if (dot === 0 || na === 0 || nb === 0) return 0;
  return Math.min(1, dot / Math.sqrt(na * nb));
}
