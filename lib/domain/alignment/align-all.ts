import { splitClauses } from "./clauses";
import { isProse, sourceFeatures } from "./features";
import { FULL_DATE } from "./numbers";
import type { Span } from "./sentences";
import { segmentSentences } from "./sentences";

/**
 * Align all: every sentence (or clause) of every source grouped with its counterparts in
 * the other sources, multi-source rather than pairwise against one base.
 *
 * 1. Units: sentences, or clauses of sentences when granularity is "clause".
 * 2. Each unit becomes a sparse feature vector (features.ts: lemmas, synonym classes,
 *    normalised numbers and dates, name keys), weighted by IDF over all units of the
 *    comparison, so words common to the whole story weigh little.
 * 3. Cosine similarity of every unit with every unit of the other sources, computed
 *    through an inverted index (cost grows with shared features, not with all pairs).
 * 4. Links: for each pair of sources, unit pairs that are each other's best match in the
 *    other source (mutual best) and score at least minScore.
 * 5. Rows: links taken greedily by descending score, merging groups only when the merged
 *    group still has at most one unit per source (single-link clustering with the
 *    one-per-source constraint).
 * 6. A row's passage grows to take in an adjacent sentence left unmatched when the pair
 *    matches the row better than the sentence alone (a fact told in two sentences by one
 *    outlet and one by another).
 * 7. What no row took is exclusive to its source ("only in <outlet>").
 */

export interface AlignSource {
  id: string;
  text: string;
}
/** Offsets are UTF-16 indices into that source's text (the app's convention). */
export interface AlignPassage {
  source: number;
  start: number;
  end: number;
  text: string;
}
/** A scored link between two passages of one row (indices into row.passages). */
export interface AlignLink {
  a: number;
  b: number;
  score: number;
}
/** One fact: passages[i] is source i's passage, or null when source i does not report it. */
export interface AlignRow {
  passages: (AlignPassage | null)[];
  score: number;
  links: AlignLink[];
}
export interface AlignOptions {
  minScore?: number;
  granularity?: "sentence" | "clause";
}
export interface AlignResult {
  rows: AlignRow[];
  exclusives: AlignPassage[];
  minScore: number;
}

/** Below this cosine two passages are not proposed as the same fact. */
export const DEFAULT_MIN_SCORE = 0.3;

/**
 * Score factor for two passages that both give a full date (with the year) and share none:
 * they report different days, so different events, however alike the wording.
 */
const DATE_CONFLICT_FACTOR = 0.5;

/**
 * Two passages are linked only when they share at least this many words, names, numbers
 * or dates (synonym classes count only with them): one shared place name ("This is
 * Kerman.") is a topic, not a fact, however high a short passage's cosine.
 */
const MIN_SHARED = 2;

/**
 * Two groups merge only when every pair across them scores at least this share of
 * minScore: a row must not chain facts that merely share a neighbour.
 */
const WEAKEST_PAIR_FACTOR = 0.5;

/** How much better (absolute) a two-sentence passage must match its row to replace one sentence. */
const EXTEND_MARGIN = 0.02;

interface Unit {
  source: number;
  /** Position of the unit within its source. */
  pos: number;
  span: Span;
  vec: Map<string, number>;
  norm: number;
  /** Full dates (with year) the unit gives. */
  dates: string[];
  /** Prose, not a keyword line or dateline: only prose is aligned. */
  prose: boolean;
}

export function alignAll(sources: readonly AlignSource[], options: AlignOptions = {}): AlignResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const granularity = options.granularity ?? "sentence";

  const perSource: Unit[][] = sources.map((s, source) => {
    const sentences = segmentSentences(s.text);
    const spans = granularity === "clause" ? sentences.flatMap((sp) => splitClauses(s.text, sp)) : sentences;
    const features = sourceFeatures(s.text, spans);
    return spans.map((span, pos) => {
      const vec = features[pos] as Map<string, number>;
      const dates = [...vec.keys()].filter((f) => f.startsWith(FULL_DATE));
      return { source, pos, span, vec, norm: 0, dates, prose: isProse(s.text.slice(span.start, span.end)) };
    });
  });
  // Keyword lines and datelines are not aligned: they end up among the exclusives.
  const units = perSource.flat().filter((u) => u.prose);

  const df = new Map<string, number>();
  for (const u of units) for (const f of u.vec.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [f, n] of df) idf.set(f, Math.log((units.length + 1) / (n + 1)) + 1);
  for (const u of units) {
    const weighted = new Map<string, number>();
    let sq = 0;
    for (const [f, c] of u.vec) {
      const w = c * (idf.get(f) as number);
      weighted.set(f, w);
      sq += w * w;
    }
    u.vec = weighted;
    u.norm = Math.sqrt(sq);
  }

  const best = bestMatches(units, sources.length);

  // Mutual best links above the threshold, strongest first.
  const links: { u: Unit; v: Unit; score: number }[] = [];
  const unitIndex = new Map<Unit, number>(units.map((u, i) => [u, i]));
  for (const [i, bySource] of best.entries()) {
    const u = units[i] as Unit;
    for (const [t, m] of bySource.entries()) {
      if (!m || t <= u.source || m.score < minScore) continue;
      const back = best[unitIndex.get(m.unit) as number]?.[u.source];
      if (back && back.unit === u) links.push({ u, v: m.unit, score: m.score });
    }
  }
  links.sort((x, y) => y.score - x.score || x.u.source - y.u.source || x.u.pos - y.u.pos || x.v.source - y.v.source || x.v.pos - y.v.pos);

  const groupOf = new Map<Unit, Unit[]>();
  for (const u of units) groupOf.set(u, [u]);
  for (const { u, v } of links) {
    const gu = groupOf.get(u) as Unit[];
    const gv = groupOf.get(v) as Unit[];
    if (gu === gv || gu.some((a) => gv.some((b) => a.source === b.source))) continue;
    if (gu.some((a) => gv.some((b) => pairScore(a, b) < minScore * WEAKEST_PAIR_FACTOR))) continue;
    gu.push(...gv);
    for (const w of gv) groupOf.set(w, gu);
  }

  const groups = [...new Set(groupOf.values())].filter((g) => g.length > 1);
  const taken = new Set<Unit>(groups.flat());
  const rows = groups.map((g) => toRow(g, perSource, taken, sources));
  rows.sort((x, y) => storyKey(x, sources) - storyKey(y, sources) || firstSource(x) - firstSource(y));

  const exclusives: AlignPassage[] = [];
  for (const list of perSource) {
    for (const u of list) if (!taken.has(u)) exclusives.push(passage(sources, u.source, u.span));
  }
  return { rows, exclusives, minScore };
}

interface Match {
  unit: Unit;
  score: number;
}

/** For every unit, its best match in each other source (by cosine), or undefined. */
function bestMatches(units: readonly Unit[], sourceCount: number): (Match | undefined)[][] {
  // Features as integer ids and postings in flat typed arrays (compressed rows): the inner
  // loop below runs millions of times on long sources and must not allocate.
  const ids = new Map<string, number>();
  const evidence: boolean[] = [];
  const unitFeatures = units.map((u) => {
    const fs = new Int32Array(u.vec.size);
    const ws = new Float64Array(u.vec.size);
    let k = 0;
    for (const [f, w] of u.vec) {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
        evidence.push(isEvidence(f));
      }
      fs[k] = id;
      ws[k++] = w;
    }
    return { fs, ws };
  });
  const offsets = new Int32Array(ids.size + 1);
  for (const { fs } of unitFeatures) for (const f of fs) offsets[f + 1]++;
  for (let f = 0; f < ids.size; f++) offsets[f + 1] += offsets[f] as number;
  const fill = offsets.slice(0, ids.size);
  const postUnit = new Int32Array(offsets[ids.size] as number);
  const postW = new Float64Array(postUnit.length);
  unitFeatures.forEach(({ fs, ws }, i) => {
    fs.forEach((f, k) => {
      const at = fill[f]++;
      postUnit[at] = i;
      postW[at] = ws[k] as number;
    });
  });
  const source = Int32Array.from(units, (u) => u.source);

  const best: (Match | undefined)[][] = units.map(() => new Array<Match | undefined>(sourceCount).fill(undefined));
  const offer = (u: Unit, v: Unit, score: number) => {
    const row = best[unitIndexOf(u)] as (Match | undefined)[];
    const cur = row[v.source];
    if (!cur || score > cur.score || (score === cur.score && v.pos < cur.unit.pos)) row[v.source] = { unit: v, score };
  };
  const unitIndex = new Map<Unit, number>(units.map((u, i) => [u, i]));
  const unitIndexOf = (u: Unit) => unitIndex.get(u) as number;

  const dot = new Float64Array(units.length);
  const shared = new Uint16Array(units.length);
  const touched: number[] = [];
  // Each pair once: i with the units after it; the score is offered to both sides.
  units.forEach((u, i) => {
    const { fs, ws } = unitFeatures[i] as { fs: Int32Array; ws: Float64Array };
    const su = u.source;
    for (let k = 0; k < fs.length; k++) {
      const f = fs[k] as number;
      const w = ws[k] as number;
      const ev = evidence[f] === true;
      for (let p = offsets[f] as number, end = offsets[f + 1] as number; p < end; p++) {
        const j = postUnit[p] as number;
        if (j <= i || source[j] === su) continue;
        if (dot[j] === 0) touched.push(j);
        dot[j] = (dot[j] as number) + w * (postW[p] as number);
        if (ev) shared[j] = (shared[j] as number) + 1;
      }
    }
    for (const j of touched) {
      const v = units[j] as Unit;
      if ((shared[j] as number) >= MIN_SHARED) {
        const score = round(((dot[j] as number) / (u.norm * v.norm)) * conflictFactor(u, v));
        offer(u, v, score);
        offer(v, u, score);
      }
      dot[j] = 0;
      shared[j] = 0;
    }
    touched.length = 0;
  });
  return best;
}

/** Features that are evidence on their own: words, names, numbers, dates (not synonym classes). */
const isEvidence = (feature: string) => !feature.startsWith("s:") && !feature.startsWith("v:");

function pairScore(u: Unit, v: Unit): number {
  return cosine(u.vec, u.norm, v.vec, v.norm) * conflictFactor(u, v);
}

function conflictFactor(u: Unit, v: Unit): number {
  return u.dates.length > 0 && v.dates.length > 0 && !u.dates.some((d) => v.dates.includes(d)) ? DATE_CONFLICT_FACTOR : 1;
}

function toRow(group: Unit[], perSource: readonly Unit[][], taken: Set<Unit>, sources: readonly AlignSource[]): AlignRow {
  const members: (Unit[] | null)[] = sources.map(() => null);
  for (const u of group) members[u.source] = [u];

  // Take in an adjacent unmatched unit when the pair matches the rest of the row better.
  for (const [s, m] of members.entries()) {
    if (!m) continue;
    const u = m[0] as Unit;
    const others = members.filter((x, t): x is Unit[] => x !== null && t !== s).map(merge);
    const alone = meanCosine(u.vec, others);
    let bestExtra: Unit | null = null;
    let bestScore = alone + EXTEND_MARGIN;
    for (const n of [perSource[s]?.[u.pos - 1], perSource[s]?.[u.pos + 1]]) {
      if (!n || !n.prose || taken.has(n)) continue;
      const score = meanCosine(merge([u, n]).vec, others);
      if (score > bestScore) {
        bestScore = score;
        bestExtra = n;
      }
    }
    if (bestExtra) {
      taken.add(bestExtra);
      members[s] = [u, bestExtra].sort((x, y) => x.pos - y.pos);
    }
  }

  const merged = members.map((m) => (m ? merge(m) : null));
  const passages = members.map((m, s) => (m ? passage(sources, s, { start: (m[0] as Unit).span.start, end: (m[m.length - 1] as Unit).span.end }) : null));
  const links: AlignLink[] = [];
  for (let a = 0; a < merged.length; a++) {
    for (let b = a + 1; b < merged.length; b++) {
      const x = merged[a];
      const y = merged[b];
      if (x && y) links.push({ a, b, score: cosine(x.vec, x.norm, y.vec, y.norm) });
    }
  }
  const score = links.length ? round(links.reduce((sum, l) => sum + l.score, 0) / links.length) : 0;
  return { passages, score, links };
}

function merge(units: readonly Unit[]): { vec: Map<string, number>; norm: number } {
  if (units.length === 1) return units[0] as Unit;
  const vec = new Map<string, number>();
  for (const u of units) for (const [f, w] of u.vec) vec.set(f, (vec.get(f) ?? 0) + w);
  let sq = 0;
  for (const w of vec.values()) sq += w * w;
  return { vec, norm: Math.sqrt(sq) };
}

function meanCosine(vec: Map<string, number>, others: readonly { vec: Map<string, number>; norm: number }[]): number {
  if (others.length === 0) return 0;
  let norm = 0;
  for (const w of vec.values()) norm += w * w;
  norm = Math.sqrt(norm);
  return others.reduce((sum, o) => sum + cosine(vec, norm, o.vec, o.norm), 0) / others.length;
}

function cosine(a: Map<string, number>, na: number, b: Map<string, number>, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [f, w] of small) {
    const x = large.get(f);
    if (x !== undefined) dot += w * x;
  }
  return round(dot / (na * nb));
}

const round = (x: number) => Math.min(1, Math.max(0, Math.round(x * 1e6) / 1e6));

function passage(sources: readonly AlignSource[], source: number, span: Span): AlignPassage {
  const text = (sources[source] as AlignSource).text;
  return { source, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

function firstSource(row: AlignRow): number {
  return row.passages.findIndex((p) => p !== null);
}

/** Relative position (0..1) of the row in the first source that reports it. */
function storyKey(row: AlignRow, sources: readonly AlignSource[]): number {
  const p = row.passages[firstSource(row)] as AlignPassage;
  return p.start / Math.max(1, (sources[p.source] as AlignSource).text.length);
}
