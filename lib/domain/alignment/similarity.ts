import { sourceFeatures } from "./features";
import { FULL_DATE } from "./numbers";

/**
 * Similarity of passages: cosine of their feature vectors (features.ts: lemmas, synonym
 * classes, numbers and dates as values, transliteration-proof name keys), weighted by
 * inverse document frequency over the comparison's own passages, with two guards that
 * cosine alone lacks:
 * - evidence: two passages must share at least MIN_SHARED words, names, numbers or dates
 *   (synonym classes only add to them), one of them a word, number or date (the same
 *   people and titles alone are not the same fact) or, for passages sharing two names
 *   and nothing else, a synonym class of the act, so a short passage that shares one
 *   place name with another is not "the same fact";
 * - conflict: two passages that each pin their event to a day (a date with its year, an
 *   anniversary's ordinal) and share no such day report different events, and get
 *   DATE_CONFLICT_FACTOR of their score.
 *
 * Align all and passage suggestions both score with this, so a score means the same in
 * the review list, the side-by-side suggestions and the command line.
 */
export const MIN_SHARED = 2;
export const DATE_CONFLICT_FACTOR = 0.5;

/** Below this score two passages are not proposed as reporting the same fact. */
export const DEFAULT_MIN_SCORE = 0.3;

export interface IdfTable {
  readonly documentCount: number;
  readonly df: ReadonlyMap<string, number>;
}

/** Document frequencies of features; a document is one passage (typically a sentence). */
export function buildIdf(documents: readonly (string | ReadonlyMap<string, number>)[]): IdfTable {
  const df = new Map<string, number>();
  for (const doc of documents) {
    const features = typeof doc === "string" ? featuresOf(doc) : doc;
    for (const f of features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  }
  return { documentCount: documents.length, df };
}

/**
 * Smoothed IDF, ln((N + 1) / (df + 1)) + 1: never zero (a feature in every passage still
 * counts a little) and finite for features the table has never seen. Without a table
 * every feature weighs 1.
 */
export function idfWeight(table: IdfTable | undefined, feature: string): number {
  if (!table) return 1;
  return Math.log((table.documentCount + 1) / ((table.df.get(feature) ?? 0) + 1)) + 1;
}

/** A feature vector weighted for scoring. */
export interface Weighted {
  readonly vec: ReadonlyMap<string, number>;
  readonly norm: number;
  /** Features that pin the passage to one day (see conflict above). */
  readonly days: readonly string[];
}

export function weigh(features: ReadonlyMap<string, number>, table: IdfTable | undefined): Weighted {
  const vec = new Map<string, number>();
  let sq = 0;
  const days: string[] = [];
  for (const [f, c] of features) {
    const w = c * idfWeight(table, f);
    vec.set(f, w);
    sq += w * w;
    if (f.startsWith(FULL_DATE)) days.push(f);
  }
  return { vec, norm: Math.sqrt(sq), days };
}

export const enum Evidence {
  /** Given names: they only add to other evidence. */
  None = 0,
  /** Names (surnames, places) and titles. */
  Name = 1,
  /** Words, numbers and dates: what was done, how many, when. */
  Content = 2,
  /** Synonym classes: they only add to other evidence, or stand for the content word of names-only pairs (finishScore). */
  Related = 3,
}

export function evidenceOf(feature: string): Evidence {
  if (feature.startsWith("s:") || feature.startsWith("v:")) return Evidence.Related;
  if (feature.startsWith("ng:")) return Evidence.None;
  if (feature.startsWith("nm:") || feature.startsWith("t:")) return Evidence.Name;
  return Evidence.Content;
}

export function conflictFactor(a: Weighted, b: Weighted): number {
  return a.days.length > 0 && b.days.length > 0 && !a.days.some((d) => b.days.includes(d)) ? DATE_CONFLICT_FACTOR : 1;
}

/**
 * Score from a dot product already computed, with the counts of shared evidence (names and
 * content) and shared content features. Two passages that share only names need, besides
 * MIN_SHARED of them, a shared synonym class ("killed" / "assassinated") in place of the
 * content word (looked up here: rare, so kept out of the callers' inner loops).
 */
export function finishScore(dot: number, shared: number, content: number, a: Weighted, b: Weighted): number {
  if (shared < MIN_SHARED || (content < 1 && !sharesRelated(a, b)) || a.norm === 0 || b.norm === 0) return 0;
  return round((dot / (a.norm * b.norm)) * conflictFactor(a, b));
}

/** The score of two weighted passages, in [0, 1], symmetric. */
export function scoreWeighted(a: Weighted, b: Weighted): number {
  const [small, large] = a.vec.size <= b.vec.size ? [a.vec, b.vec] : [b.vec, a.vec];
  let dot = 0;
  let shared = 0;
  let content = 0;
  for (const [f, w] of small) {
    const x = large.get(f);
    if (x === undefined) continue;
    dot += w * x;
    const e = evidenceOf(f);
    if (e === Evidence.Name || e === Evidence.Content) shared++;
    if (e === Evidence.Content) content++;
  }
  return finishScore(dot, shared, content, a, b);
}

function sharesRelated(a: Weighted, b: Weighted): boolean {
  const [small, large] = a.vec.size <= b.vec.size ? [a.vec, b.vec] : [b.vec, a.vec];
  for (const f of small.keys()) if (large.has(f) && evidenceOf(f) === Evidence.Related) return true;
  return false;
}

/** Sum of feature vectors, each times its weight (1 without weights): a passage of several sentences or clauses. */
export function sumFeatures(parts: readonly ReadonlyMap<string, number>[], weights?: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  parts.forEach((p, i) => {
    const k = weights?.[i] ?? 1;
    for (const [f, w] of p) out.set(f, (out.get(f) ?? 0) + k * w);
  });
  return out;
}

/** Features of a passage taken on its own (names resolved within the passage only). */
export function featuresOf(text: string): Map<string, number> {
  return sourceFeatures(text, [{ start: 0, end: text.length }])[0] as Map<string, number>;
}

export interface SimilarityOptions {
  /** Passages to take IDF from (or a table built once with buildIdf). Without it all features weigh the same. */
  corpus?: readonly string[] | IdfTable;
}

/** Similarity of two passages in [0, 1]: 1 for passages with the same features, 0 below the evidence guard. */
export function similarity(a: string, b: string, options: SimilarityOptions = {}): number {
  const table = options.corpus === undefined ? undefined : "df" in options.corpus ? options.corpus : buildIdf(options.corpus);
  return scoreWeighted(weigh(featuresOf(a), table), weigh(featuresOf(b), table));
}

/** Rounded to 6 decimals, so identical passages score exactly 1 and noise cannot reorder ties. */
export const round = (x: number) => Math.min(1, Math.max(0, Math.round(x * 1e6) / 1e6));
