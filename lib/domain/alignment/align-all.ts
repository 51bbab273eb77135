import type { Claim } from "./claims";
import { claimOf, differentClaims, onlySettingShared } from "./claims";
import { splitClauses } from "./clauses";
import type { EventSlots } from "./events";
import { eventSlots, sameEvent } from "./events";
import { isHeading, isProse, prepareSource } from "./features";
import type { Span } from "./sentences";
import { segmentSentences } from "./sentences";
import type { IdfTable, Weighted } from "./similarity";
import { DEFAULT_MIN_SCORE, Evidence, evidenceOf, finishScore, round, scoreWeighted, sumFeatures, weigh } from "./similarity";

/**
 * Align all: every sentence (or clause) of every source grouped with its counterparts in
 * the other sources, multi-source rather than pairwise against one base.
 *
 * 1. Units: sentences, or clauses of sentences when granularity is "clause".
 * 2. Each unit becomes a sparse feature vector (features.ts: lemmas, synonym classes,
 *    normalised numbers and dates, name keys), weighted by IDF over all units of the
 *    comparison, so words common to the whole story weigh little. A sentence is the sum
 *    of its clauses (clauses.ts), subordinate ones at SUBORDINATE_WEIGHT, and keeps its
 *    clauses' vectors too, so a fact told in one clause of a long sentence can match on
 *    its own (pairScore).
 * 3. The score (pairScore: the best of the whole sentences' and their clauses' IDF-weighted
 *    cosine with the evidence and date-conflict guards of similarity.ts, a clause pair
 *    times its factor) of every unit with every unit of the other sources, computed through an
 *    inverted index (cost grows with shared features, not with all pairs). Keyword lines,
 *    datelines and headings are left out (features.ts isProse, isHeading).
 * 4. Links: for each pair of sources, unit pairs that are each other's best match in the
 *    other source (mutual best) and score at least minScore, a pair whose main clauses
 *    agree on the event's arguments (a count; an actor and a rare act, which paraphrase
 *    keeps: "23 are dead" / "Twenty-three … lost their lives") scoring its similarity over
 *    EVENT_FLOOR_FACTOR. A best match that makes a different claim (claims.ts: the acts
 *    disagree and the claims share nothing but who speaks or acts, or an event named in
 *    passing) is no counterpart; the runner-up in that source takes its place.
 * 5. Rows: links taken greedily by descending score, merging groups only when the merged
 *    group still has at most one unit per source and no pair across the two groups
 *    scores below half of minScore (no chains of facts that merely share a neighbour) and no
 *    pair across them makes claims that agree only on their time (claims.ts onlySettingShared:
 *    the way in and the haul of one night's theft, each matching a sentence telling both).
 * 6. A row's passage grows to take in an adjacent sentence left unmatched when the pair
 *    matches the row better than the sentence alone (a fact told in two sentences by one
 *    outlet and one by another).
 * 7. What no row took is exclusive to its source ("only in <outlet>"). That is a passage
 *    with no counterpart at or above minScore, or, rarely, one whose counterpart matched
 *    another passage of the same source better and is in that passage's row (a row holds
 *    one passage per source, two only when adjacent).
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

export { DEFAULT_MIN_SCORE } from "./similarity";

/** Two groups merge only when every pair across them scores at least this share of minScore. */
const WEAKEST_PAIR_FACTOR = 0.5;

/**
 * A clause pair's score is its cosine times the lower of the two clauses' factors: the
 * price of matching part of a sentence rather than all of it (short clauses share a larger
 * part of their words by chance), higher for a subordinate clause, which tells a fact in
 * passing rather than what the sentence asserts.
 */
export const CLAUSE_FACTOR = 0.85;
export const SUBORDINATE_FACTOR = 0.6;
/** Weight of a subordinate clause's features in its sentence's vector (main clauses 1). */
export const SUBORDINATE_WEIGHT = 0.5;

/**
 * Event arguments. Two passages whose main clauses agree on an argument of the event they
 * assert score their similarity divided by this factor (capped at 1), so a pair from this
 * share of minScore up can be linked:
 * - how many: the same count (features.ts statedCounts: "23 are dead" / "Twenty-three …
 *   lost their lives"), since reports of one fact keep its numbers however they reword it;
 * - who did what: a shared name and a shared synonym class of the act ("Baltora Lines
 *   suspended its routes" / "Baltora Lines has halted its services"), when that act is
 *   named by at most RARE_ACT_MAX_PASSAGES (events.ts) passages of the comparison: an act
 *   named all through the story ("the killing" in every commemoration) singles out no event.
 * Only the main clauses count: a fact told in passing is not what a sentence asserts.
 * Which passages are each other's best match is decided on similarity alone.
 */
export const EVENT_FLOOR_FACTOR = 2 / 3;

/** How much better (absolute) a two-sentence passage must match its row to replace one sentence. */
const EXTEND_MARGIN = 0.02;

interface Unit extends Weighted {
  source: number;
  /** Position of the unit within its source. */
  pos: number;
  span: Span;
  /** Feature counts before IDF weighting (to sum two sentences). */
  features: ReadonlyMap<string, number>;
  /** Prose, not a keyword line or dateline: only prose is aligned. */
  prose: boolean;
  /** The unit's clauses when it has more than one (see pairScore). */
  parts: readonly Part[];
  /** What its main clauses (the whole unit when it is one clause) assert (events.ts), read when first asked. */
  slots: () => EventSlots;
  /** What it claims, as opposed to whom it names (claims.ts), read when first asked. */
  claim: () => Claim;
}

export function alignAll(sources: readonly AlignSource[], options: AlignOptions = {}): AlignResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const granularity = options.granularity ?? "sentence";

  const raw = sources.map((s) => {
    const sentences = segmentSentences(s.text);
    const clauses = sentences.map((sp) => splitClauses(s.text, sp));
    const clauseFeatures = prepareSource(s.text)(clauses.flat());
    const prose = (sp: Span) => isProse(s.text.slice(sp.start, sp.end)) && !isHeading(s.text, sp);
    if (granularity === "clause") {
      const spans = clauses.flat();
      return {
        spans,
        features: clauseFeatures,
        parts: spans.map(() => []),
        prose: spans.map(prose),
        slots: spans.map((sp, i) => once(() => (sp.subordinate ? eventSlots(s.text, [], []) : eventSlots(s.text, [sp], [clauseFeatures[i] as Map<string, number>])))),
        claims: spans.map((sp, i) => once(() => claimOf(s.text, sp, [{ span: sp, subordinate: sp.subordinate, features: clauseFeatures[i] as Map<string, number> }]))),
      };
    }
    // A sentence is its clauses' features, subordinate ones at SUBORDINATE_WEIGHT (the main
    // clause decides what the sentence asserts); one of several clauses also keeps its own.
    let next = 0;
    const split = clauses.map((c) => c.map((clause) => ({ clause, features: clauseFeatures[next++] as Map<string, number> })));
    return {
      spans: sentences,
      features: split.map((c) => (c.length === 1 ? (c[0]?.features as Map<string, number>) : sumFeatures(c.map((p) => p.features), c.map((p) => (p.clause.subordinate ? SUBORDINATE_WEIGHT : 1))))),
      parts: split.map((c) => (c.length === 1 ? [] : c.map((p) => ({ features: p.features, factor: p.clause.subordinate ? SUBORDINATE_FACTOR : CLAUSE_FACTOR })))),
      prose: sentences.map(prose),
      slots: split.map((c, i) =>
        once(() => {
          const main = c.length === 1 ? c : c.filter((p) => !p.clause.subordinate);
          return eventSlots(s.text, c.length === 1 ? [sentences[i] as Span] : main.map((p) => p.clause), main.map((p) => p.features));
        }),
      ),
      claims: split.map((c, i) =>
        once(() => claimOf(s.text, sentences[i] as Span, c.length === 1 ? [{ span: sentences[i] as Span, subordinate: false, features: c[0]?.features as Map<string, number> }] : c.map((p) => ({ span: p.clause, subordinate: p.clause.subordinate, features: p.features })))),
      ),
    };
  });
  // IDF from the comparison's own vocabulary: a "document" is one prose unit.
  const df = new Map<string, number>();
  let documentCount = 0;
  for (const r of raw) {
    r.features.forEach((f, i) => {
      if (!r.prose[i]) return;
      documentCount++;
      for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    });
  }
  const idf: IdfTable = { documentCount, df };
  const perSource: Unit[][] = raw.map((r, source) =>
    r.spans.map((span, pos) => {
      const features = r.features[pos] as Map<string, number>;
      const parts = (r.parts[pos] as { features: Map<string, number>; factor: number }[]).map((p) => ({ ...weigh(p.features, idf), factor: p.factor }));
      return { ...weigh(features, idf), source, pos, span, features, prose: r.prose[pos] as boolean, parts, slots: r.slots[pos] as () => EventSlots, claim: r.claims[pos] as () => Claim };
    }),
  );
  // Keyword lines and datelines are not aligned: they end up among the exclusives.
  const units = perSource.flat().filter((u) => u.prose);
  const eventFloor = minScore * EVENT_FLOOR_FACTOR;
  // 1e-6 for the rounding of a score over EVENT_FLOOR_FACTOR (eventScore).
  const best = bestMatches(units, sources.length, eventFloor - 1e-6);
  const passagesNaming = (act: string) => df.get(act) ?? 0;

  /** A pair's score: its similarity, over EVENT_FLOOR_FACTOR when the passages agree on the event. */
  const eventScore = (us: readonly Unit[], vs: readonly Unit[], similarity: number) =>
    us.some((u) => vs.some((v) => sameEvent(u.slots(), v.slots(), passagesNaming))) ? round(similarity / EVENT_FLOOR_FACTOR) : similarity;

  // Mutual counterparts scoring at least minScore, most similar first (an event's agreement
  // lets a pair in, it does not reorder the grouping).
  const links: { u: Unit; v: Unit; score: number }[] = [];
  // A unit's counterpart in a source: its best match there, or the runner-up when the best
  // makes a different claim (claims.ts: the same speaker or event, another act).
  const counterpart = (i: number, t: number): Match | undefined => {
    const m = best[i]?.[t];
    if (!m) return undefined;
    const claim = (units[i] as Unit).claim();
    if (!differentClaims(claim, (units[m.index] as Unit).claim())) return m;
    return m.second && !differentClaims(claim, (units[m.second.index] as Unit).claim()) ? m.second : undefined;
  };
  units.forEach((u, i) => {
    for (let t = u.source + 1; t < sources.length; t++) {
      const m = counterpart(i, t);
      if (!m || counterpart(m.index, u.source)?.index !== i) continue;
      const v = units[m.index] as Unit;
      if (eventScore([u], [v], m.score) >= minScore) links.push({ u, v, score: m.score });
    }
  });
  links.sort((x, y) => y.score - x.score || x.u.source - y.u.source || x.u.pos - y.u.pos || x.v.source - y.v.source || x.v.pos - y.v.pos);

  const groupOf = new Map<Unit, Unit[]>();
  for (const u of units) groupOf.set(u, [u]);
  for (const { u, v } of links) {
    const gu = groupOf.get(u) as Unit[];
    const gv = groupOf.get(v) as Unit[];
    if (gu === gv || gu.some((a) => gv.some((b) => a.source === b.source))) continue;
    if (gu.some((a) => gv.some((b) => pairScore(a, b) < minScore * WEAKEST_PAIR_FACTOR))) continue;
    // Claims that agree only on when (claims.ts onlySettingShared) are two facts of one night,
    // however well each matches a third passage telling both.
    if (gu.some((a) => gv.some((b) => onlySettingShared(a.claim(), b.claim())))) continue;
    gu.push(...gv);
    for (const w of gv) groupOf.set(w, gu);
  }

  const groups = [...new Set(groupOf.values())].filter((g) => g.length > 1);
  const taken = new Set<Unit>(groups.flat());
  const rows = groups.map((g) => toRow(g, perSource, taken, sources, idf, eventScore));
  rows.sort((x, y) => storyKey(x, sources) - storyKey(y, sources) || firstSource(x) - firstSource(y));

  const exclusives: AlignPassage[] = [];
  for (const list of perSource) {
    for (const u of list) if (!taken.has(u)) exclusives.push(passage(sources, u.source, u.span));
  }
  return { rows, exclusives, minScore };
}

/** A value computed on first use: most units are never compared on their event slots. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

interface Match {
  /** Index into units. */
  index: number;
  score: number;
  /** The next best unit of that source, if any scored at least the floor. */
  second?: Match;
}

/**
 * For every unit, its best match in each other source, or undefined when none scores at
 * least minScore (such a best match could not make a link anyway). A unit's score with
 * another is its pairScore: the best of the whole units and of their clauses.
 */
function bestMatches(units: readonly Unit[], sourceCount: number, minScore: number): (Match | undefined)[][] {
  // Items scored against each other: every unit whole, then its clauses, in unit order
  // (so in source order). A clause item stands for its unit with CLAUSE_FACTOR.
  const items: { unit: number; w: Weighted; factor: number }[] = [];
  units.forEach((u, i) => {
    items.push({ unit: i, w: u, factor: 1 });
    for (const w of u.parts) items.push({ unit: i, w, factor: w.factor });
  });
  // Features as integer ids and postings in flat typed arrays (compressed rows): the inner
  // loop below runs millions of times on long sources and must not allocate.
  const ids = new Map<string, number>();
  const evidence: Evidence[] = [];
  const itemFeatures = items.map(({ w }) => {
    const fs = new Int32Array(w.vec.size);
    const ws = new Float64Array(w.vec.size);
    let k = 0;
    for (const [f, x] of w.vec) {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
        evidence.push(evidenceOf(f));
      }
      fs[k] = id;
      ws[k++] = x;
    }
    return { fs, ws };
  });
  const offsets = new Int32Array(ids.size + 1);
  for (const { fs } of itemFeatures) for (const f of fs) offsets[f + 1] = (offsets[f + 1] as number) + 1;
  for (let f = 0; f < ids.size; f++) offsets[f + 1] = (offsets[f + 1] as number) + (offsets[f] as number);
  const fill = offsets.slice(0, ids.size);
  const postItem = new Int32Array(offsets[ids.size] as number);
  const postW = new Float64Array(postItem.length);
  itemFeatures.forEach(({ fs, ws }, i) => {
    fs.forEach((f, k) => {
      const at = fill[f] as number;
      fill[f] = at + 1;
      postItem[at] = i;
      postW[at] = ws[k] as number;
    });
  });
  const unitOf = Int32Array.from(items, (it) => it.unit);
  const source = Int32Array.from(units, (u) => u.source);
  const norm = Float64Array.from(items, (it) => it.w.norm);
  const factor = Float64Array.from(items, (it) => it.factor);
  // From here on, fill[f] is a cursor into feature f's postings (see the loop below).
  fill.set(offsets.subarray(0, ids.size));

  // Best match of unit i in source t at [i * sourceCount + t]: typed arrays, not objects,
  // since a better match replaces the last one millions of times on long sources.
  const bestIndex = new Int32Array(units.length * sourceCount).fill(-1);
  const bestScore = new Float64Array(units.length * sourceCount);
  // The runner-up, for when the best makes a different claim (claims.ts).
  const secondIndex = new Int32Array(units.length * sourceCount).fill(-1);
  const secondScore = new Float64Array(units.length * sourceCount);
  const offer = (i: number, j: number, score: number) => {
    const at = i * sourceCount + (source[j] as number);
    const cur = bestIndex[at] as number;
    if (cur === j) {
      if (score > (bestScore[at] as number)) bestScore[at] = score;
    } else if (cur < 0 || score > (bestScore[at] as number) || (score === bestScore[at] && j < cur)) {
      secondIndex[at] = cur;
      secondScore[at] = bestScore[at] as number;
      bestIndex[at] = j;
      bestScore[at] = score;
    } else {
      const sec = secondIndex[at] as number;
      if (sec < 0 || score > (secondScore[at] as number) || (score === secondScore[at] && j < sec)) {
        secondIndex[at] = j;
        secondScore[at] = score;
      }
    }
  };

  const dot = new Float64Array(items.length);
  const shared = new Uint16Array(items.length);
  const content = new Uint16Array(items.length);
  const touched: number[] = [];
  // Items are in source order, so the items of one source are contiguous and each posting
  // list is sorted: skipping to the first item of the next source visits only the pairs
  // that count. Each pair once: i with the items after it; the score goes to both sides.
  const sourceEnd = new Int32Array(sourceCount);
  items.forEach((it, i) => (sourceEnd[source[it.unit] as number] = i + 1));
  items.forEach((it, i) => {
    const { fs, ws } = itemFeatures[i] as { fs: Int32Array; ws: Float64Array };
    const after = sourceEnd[source[it.unit] as number] as number;
    for (let k = 0; k < fs.length; k++) {
      const f = fs[k] as number;
      const w = ws[k] as number;
      const ev = evidence[f] as Evidence;
      const end = offsets[f + 1] as number;
      let p = fill[f] as number;
      while (p < end && (postItem[p] as number) < after) p++;
      // Later items of this source will start at least here too.
      fill[f] = p;
      for (; p < end; p++) {
        const j = postItem[p] as number;
        if (dot[j] === 0) touched.push(j);
        dot[j] = (dot[j] as number) + w * (postW[p] as number);
        if (ev === Evidence.Name || ev === Evidence.Content) shared[j] = (shared[j] as number) + 1;
        if (ev === Evidence.Content) content[j] = (content[j] as number) + 1;
      }
    }
    const ni = norm[i] as number;
    const fi = factor[i] as number;
    for (const j of touched) {
      const d = dot[j] as number;
      const fij = Math.min(fi, factor[j] as number);
      // The guards and the date conflict only lower a score: a cosine under minScore is
      // dropped before them (most pairs share only a word or two; 1e-6 for the rounding).
      if (d * fij >= (minScore - 1e-6) * ni * (norm[j] as number)) {
        const score = round(fij * finishScore(d, shared[j] as number, content[j] as number, it.w, (items[j] as (typeof items)[number]).w));
        if (score >= minScore && score > 0) {
          offer(it.unit, unitOf[j] as number, score);
          offer(unitOf[j] as number, it.unit, score);
        }
      }
      dot[j] = 0;
      shared[j] = 0;
      content[j] = 0;
    }
    touched.length = 0;
  });
  return units.map((_, i) =>
    Array.from({ length: sourceCount }, (_, t): Match | undefined => {
      const at = i * sourceCount + t;
      const index = bestIndex[at] as number;
      const second = secondIndex[at] as number;
      return index < 0 ? undefined : { index, score: bestScore[at] as number, second: second < 0 ? undefined : { index: second, score: secondScore[at] as number } };
    }),
  );
}

/** A clause of a passage, with the factor its matches are scored at (clauseFactor). */
interface Part extends Weighted {
  readonly factor: number;
}

/** A passage to score: its whole vector and its clauses' (none when it is one clause). */
interface Scored extends Weighted {
  readonly parts: readonly Part[];
}


/**
 * The score of two passages: the better of their whole-passage score and their best clause
 * pair's (a clause against a clause or against the other whole passage), the latter times
 * CLAUSE_FACTOR, since short clauses share a larger part of their words by chance.
 */
export function pairScore(a: Scored, b: Scored): number {
  let best = scoreWeighted(a, b);
  if (a.parts.length === 0 && b.parts.length === 0) return best;
  const xs: Part[] = [{ ...a, factor: 1 }, ...a.parts];
  const ys: Part[] = [{ ...b, factor: 1 }, ...b.parts];
  for (const x of xs) {
    for (const y of ys) {
      const f = Math.min(x.factor, y.factor);
      if (f === 1 || best >= f) continue;
      const s = round(f * scoreWeighted(x, y));
      if (s > best) best = s;
    }
  }
  return best;
}

function toRow(
  group: Unit[],
  perSource: readonly Unit[][],
  taken: Set<Unit>,
  sources: readonly AlignSource[],
  idf: IdfTable,
  eventScore: (us: readonly Unit[], vs: readonly Unit[], similarity: number) => number,
): AlignRow {
  const members: (Unit[] | null)[] = sources.map(() => null);
  for (const u of group) members[u.source] = [u];
  const merged = (m: readonly Unit[]): Scored =>
    m.length === 1 ? (m[0] as Unit) : { ...weigh(sumFeatures(m.map((u) => u.features)), idf), parts: m.flatMap((u) => (u.parts.length ? u.parts : [{ ...u, factor: CLAUSE_FACTOR }])) };

  // Take in an adjacent unmatched unit when the pair matches the rest of the row better.
  for (const [s, m] of members.entries()) {
    if (!m) continue;
    const u = m[0] as Unit;
    const others = members.filter((x, t): x is Unit[] => x !== null && t !== s).map(merged);
    let bestExtra: Unit | null = null;
    let bestScore = meanScore(u, others) + EXTEND_MARGIN;
    for (const n of [perSource[s]?.[u.pos - 1], perSource[s]?.[u.pos + 1]]) {
      if (!n || !n.prose || taken.has(n)) continue;
      const score = meanScore(merged([u, n]), others);
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

  const vectors = members.map((m) => (m ? merged(m) : null));
  const passages = members.map((m, s) => (m ? passage(sources, s, { start: (m[0] as Unit).span.start, end: (m[m.length - 1] as Unit).span.end }) : null));
  const links: AlignLink[] = [];
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      const x = vectors[a];
      const y = vectors[b];
      if (x && y) links.push({ a, b, score: eventScore(members[a] as Unit[], members[b] as Unit[], pairScore(x, y)) });
    }
  }
  const score = links.length ? round(links.reduce((sum, l) => sum + l.score, 0) / links.length) : 0;
  return { passages, score, links };
}

function meanScore(x: Scored, others: readonly Scored[]): number {
  if (others.length === 0) return 0;
  return others.reduce((sum, o) => sum + pairScore(x, o), 0) / others.length;
}

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
