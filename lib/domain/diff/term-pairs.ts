import DiffMatchPatch from "diff-match-patch";
import { STOP_WORDS, stem, wordTokens } from "../alignment/text";

/**
 * Term-level differences between the passages of one fact row: which words one outlet
 * uses where another uses different ones ("illegal assassination" ↔ "decisive defensive
 * action", "killing" / "assassination" / "martyrdom").
 *
 * Pipeline (plain data at every step):
 * 1. words of each passage, each with a matching key: folded (case, accents, apostrophe
 *    style), lightly stemmed, number words as digits ("forty" = "40");
 * 2. anchors: a weighted longest common subsequence of the two key sequences, where a
 *    shared content word weighs 1 and a shared function word ("the", "of") only a quarter,
 *    so a stray "the" never outweighs a shared name;
 * 3. the gaps between consecutive anchors are the places where the passages differ: each
 *    gap is one pair (this passage's words there ↔ the other's), trimmed of function words
 *    at both ends; a gap whose both sides hold only function words is dropped.
 *
 * When the two passages share under a fifth of their content words, they tell the fact
 * in their own words: only shared content words anchor (a shared name or number still
 * pairs what stands before it with what stands before it), and the pairs are labelled
 * "paraphrased", with each side's content-word groups named.
 */

/** A run of one passage: offsets into that passage's text. */
export interface TermSpan {
  start: number;
  end: number;
  text: string;
  /** Its runs of content words, e.g. ["gate", "storm surge"]: what a paraphrase is made of. */
  groups: string[];
}

/**
 * - replaced: both passages say something different here;
 * - added: only the other passage says something here;
 * - omitted: only the base passage says something here;
 * - paraphrased: as replaced, between passages that share too few words to line up closely.
 */
export type TermPairKind = "replaced" | "added" | "omitted" | "paraphrased";

export interface TermPair {
  kind: TermPairKind;
  base: TermSpan | null;
  other: TermSpan | null;
}

export interface TermComparison {
  pairs: TermPair[];
  /** The passages share under a fifth of their content words. */
  paraphrased: boolean;
  /** Content words the two passages share (anchors). */
  sharedWords: number;
}

interface Word {
  key: string;
  /** A function word: weighs little as an anchor and is trimmed from the edges of a term. */
  minor: boolean;
  start: number;
  end: number;
}

/**
 * Function words that still carry meaning in a comparison of wordings, so they are never
 * trimmed away: negation and quantity ("not", "few"), reporting verbs ("said" against
 * "claimed") and modals ("will" against "could").
 */
const MEANINGFUL = new Set(
  (
    "no nor not never few more most " +
    "aren't can't cannot couldn't didn't doesn't don't hadn't hasn't haven't isn't mustn't shan't shouldn't wasn't weren't won't wouldn't " +
    "said says say saying told tell according will might must shall could would should can may"
  ).split(" "),
);

const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
    "eighteen nineteen twenty"
  )
    .split(" ")
    .map((w, i) => [w, String(i)] as [string, string])
    .concat(
      "thirty forty fifty sixty seventy eighty ninety".split(" ").map((w, i) => [w, String((i + 3) * 10)] as [string, string]),
      [["hundred", "100"], ["thousand", "1000"], ["million", "1000000"], ["billion", "1000000000"]],
    ),
);

const MINOR_WEIGHT = 0.25;
const PARAPHRASE_SHARE = 0.2;
/** Above this many cells the exact weighted alignment gives way to diff-match-patch's. */
const MAX_DP_CELLS = 250_000;

function words(text: string): Word[] {
  return wordTokens(text).map(({ norm, start, end }) => ({
    key: NUMBER_WORDS.get(norm) ?? stem(norm.replace(/,/g, "")),
    minor: STOP_WORDS.has(norm) && !MEANINGFUL.has(norm),
    start,
    end,
  }));
}

/**
 * A key under which two wordings count as the same term: their content words, folded and
 * stemmed ("Assassinations" and "assassination" share one). "" when there is no content word.
 */
export function termKey(text: string): string {
  return words(text)
    .filter((w) => !w.minor)
    .map((w) => w.key)
    .join(" ");
}

/** Index pairs [i in a, j in b] of the anchors, increasing in both. */
function anchors(a: readonly Word[], b: readonly Word[]): [number, number][] {
  // A shared head and tail are anchors in any heaviest common subsequence (each word weighs
  // the same wherever it is matched), and aligned passages often share both.
  let head = 0;
  while (head < a.length && head < b.length && a[head]!.key === b[head]!.key) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]!.key === b[b.length - 1 - tail]!.key) tail++;
  const out: [number, number][] = [];
  for (let k = 0; k < head; k++) out.push([k, k]);
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const mid = (midA.length + 1) * (midB.length + 1) > MAX_DP_CELLS ? myersAnchors(midA, midB) : weightedAnchors(midA, midB);
  for (const [i, j] of mid) out.push([head + i, head + j]);
  for (let k = tail; k > 0; k--) out.push([a.length - k, b.length - k]);
  return out;
}

let scratch = new Float64Array(0);
function table(size: number): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/** The heaviest common subsequence by dynamic programming, over integer codes of the keys. */
function weightedAnchors(a: readonly Word[], b: readonly Word[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const codes = new Map<string, number>();
  const code = (w: Word) => {
    let c = codes.get(w.key);
    if (c === undefined) codes.set(w.key, (c = codes.size));
    return c;
  };
  const ca = Int32Array.from(a, code);
  const cb = Int32Array.from(b, code);
  const weight = Float64Array.from(a, (w) => (w.minor ? MINOR_WEIGHT : 1));
  // best[i][j]: the heaviest common subsequence of a[i..] and b[j..]. The table lives in a
  // buffer kept between calls: a report pairs thousands of passages, and a fresh table
  // each time is mostly garbage-collector work. Only the last row and column need zeroing.
  const width = m + 1;
  const best = table((n + 1) * width);
  best.fill(0, n * width, (n + 1) * width);
  for (let i = 0; i < n; i++) best[i * width + m] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const below = row + width;
    const ci = ca[i]!;
    const wi = weight[i]!;
    for (let j = m - 1; j >= 0; j--) {
      let v = best[below + j]!;
      const right = best[row + j + 1]!;
      if (right > v) v = right;
      if (ci === cb[j] && wi + best[below + j + 1]! > v) v = wi + best[below + j + 1]!;
      best[row + j] = v;
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ca[i] === cb[j] && best[i * width + j] === weight[i]! + best[(i + 1) * width + j + 1]!) {
      out.push([i, j]);
      i++;
      j++;
    } else if (best[(i + 1) * width + j]! >= best[i * width + j + 1]!) i++;
    else j++;
  }
  return out;
}

/** Unweighted anchors for long passages: diff-match-patch over one code unit per key. */
function myersAnchors(a: readonly Word[], b: readonly Word[]): [number, number][] {
  const codes = new Map<string, string>();
  const encode = (ws: readonly Word[]) =>
    ws
      .map((w) => {
        let c = codes.get(w.key);
        if (c === undefined) {
          c = String.fromCharCode(0xe000 + (codes.size % 0x1900));
          codes.set(w.key, c);
        }
        return c;
      })
      .join("");
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0.1;
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const [op, chunk] of dmp.diff_main(encode(a), encode(b), false)) {
    for (let k = 0; k < chunk.length; k++) {
      // Codes wrap around past 6,400 distinct keys: confirm an equality on the keys themselves.
      if (op === 0 && a[i]!.key === b[j]!.key) out.push([i, j]);
      if (op !== 1) i++;
      if (op !== -1) j++;
    }
  }
  return out;
}

/** Words [from, to) of a passage trimmed of function words at both ends; null when nothing is left. */
function span(text: string, ws: readonly Word[], from: number, to: number): TermSpan | null {
  let lo = from;
  let hi = to;
  while (lo < hi && ws[lo]!.minor) lo++;
  while (hi > lo && ws[hi - 1]!.minor) hi--;
  if (lo === hi) return null;
  const groups: string[] = [];
  let groupStart = -1;
  for (let k = lo; k <= hi; k++) {
    const w = ws[k];
    // A group ends at a function word, at the end, or at punctuation between two words.
    const joined = w && !w.minor && groupStart >= 0 && /^[\s'’-]*$/u.test(text.slice(ws[k - 1]!.end, w.start));
    if (groupStart >= 0 && !joined) {
      groups.push(text.slice(ws[groupStart]!.start, ws[k - 1]!.end).replace(/\s+/g, " "));
      groupStart = -1;
    }
    if (w && k < hi && !w.minor && groupStart < 0) groupStart = k;
  }
  const start = ws[lo]!.start;
  const end = ws[hi - 1]!.end;
  return { start, end, text: text.slice(start, end).replace(/\s+/g, " "), groups };
}

/** The wording of `other` set against that of `base`, place by place. */
export function compareTerms(base: string, other: string): TermComparison {
  return compareWords(base, words(base), other, words(other));
}

function compareWords(base: string, a: readonly Word[], other: string, b: readonly Word[]): TermComparison {
  let links = anchors(a, b);
  const sharedWords = links.filter(([i]) => !a[i]!.minor).length;
  const contentA = a.filter((w) => !w.minor).length;
  const contentB = b.filter((w) => !w.minor).length;
  const fewest = Math.min(contentA, contentB);
  const paraphrased = fewest > 0 && sharedWords / fewest < PARAPHRASE_SHARE;
  if (paraphrased) links = links.filter(([i]) => !a[i]!.minor);

  const pairs: TermPair[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...links, [a.length, b.length] as [number, number]]) {
    const left = span(base, a, i, ai);
    const right = span(other, b, j, bj);
    if (left || right) {
      const kind: TermPairKind = !left ? "added" : !right ? "omitted" : paraphrased ? "paraphrased" : "replaced";
      pairs.push({ kind, base: left, other: right });
    }
    i = ai + 1;
    j = bj + 1;
  }
  return { pairs, paraphrased, sharedWords };
}

/** One passage of a fact row, by an id of the caller's (a source id). */
export interface TermPassage {
  id: string;
  text: string;
}

export interface TermsAgainst extends TermComparison {
  /** The passage compared with the base. */
  id: string;
}

/** Every other passage's wording set against the base passage's. */
export function termsAgainstBase(passages: readonly TermPassage[], baseId: string): TermsAgainst[] {
  const base = passages.find((p) => p.id === baseId);
  if (!base) return [];
  return passages.filter((p) => p !== base).map((p) => ({ id: p.id, ...compareTerms(base.text, p.text) }));
}

/** One place where the passages differ, with each taking part passage's wording there. */
export interface TermSlot {
  /** Found between passages that share too few words to line up closely. */
  paraphrased: boolean;
  /** In the order of the passages given; `spans` empty = the passage says nothing there. */
  wordings: { id: string; spans: TermSpan[] }[];
}

/**
 * "Each against all": the pairs of every two passages, merged into places. Two pairs are
 * one place when they hold the same words of a passage (spans overlapping by at least half
 * the longer one): "killing" ↔ "assassination" and "killing" ↔ "martyrdom" become one
 * place with three wordings. The stricter-than-any-overlap rule keeps one long span from
 * chaining unrelated places together. Pairs of paraphrasing passages are merged only with
 * each other (their long spans would swallow every close place) and listed after the
 * places that line up closely.
 */
export function termSlots(passages: readonly TermPassage[]): TermSlot[] {
  interface Node {
    passage: number;
    span: TermSpan | null;
    paraphrased: boolean;
  }
  const nodes: Node[] = [];
  const parent: number[] = [];
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const union = (x: number, y: number) => {
    parent[find(x)] = find(y);
  };
  const add = (node: Node) => {
    nodes.push(node);
    parent.push(parent.length);
    return nodes.length - 1;
  };
  const tokens = passages.map((p) => words(p.text));
  for (let x = 0; x < passages.length; x++) {
    for (let y = x + 1; y < passages.length; y++) {
      const { pairs, paraphrased } = compareWords(passages[x]!.text, tokens[x]!, passages[y]!.text, tokens[y]!);
      for (const pair of pairs) union(add({ passage: x, span: pair.base, paraphrased }), add({ passage: y, span: pair.other, paraphrased }));
    }
  }
  // Same words of one passage: a sweep over each passage's spans in start order, comparing
  // a span only with those that start before it ends.
  for (let p = 0; p < passages.length; p++) {
    const own = nodes.flatMap((n, k) => (n.passage === p && n.span ? [k] : [])).sort((k, l) => nodes[k]!.span!.start - nodes[l]!.span!.start);
    for (let x = 0; x < own.length; x++) {
      const m = nodes[own[x]!]!;
      for (let y = x + 1; y < own.length && nodes[own[y]!]!.span!.start < m.span!.end; y++) {
        const n = nodes[own[y]!]!;
        if (m.paraphrased === n.paraphrased && sameWords(m.span!, n.span!)) union(own[x]!, own[y]!);
      }
    }
  }
  const components = new Map<number, Node[]>();
  nodes.forEach((n, k) => {
    const root = find(k);
    const members = components.get(root);
    if (members) members.push(n);
    else components.set(root, [n]);
  });
  const slots: TermSlot[] = [...components.values()].map((members) => ({
    paraphrased: members[0]!.paraphrased,
    wordings: passages.flatMap((passage, p) => {
      const mine = members.filter((n) => n.passage === p);
      if (mine.length === 0) return [];
      return [{ id: passage.id, spans: mergeSpans(passage.text, mine.flatMap((n) => (n.span ? [n.span] : []))) }];
    }),
  }));
  const order = new Map(passages.map((p, i) => [p.id, i]));
  const position = (slot: TermSlot) => {
    const first = slot.wordings.find((w) => w.spans.length > 0)!;
    return (slot.paraphrased ? 1e12 : 0) + order.get(first.id)! * 1e9 + first.spans[0]!.start;
  };
  return slots.sort((s, t) => position(s) - position(t));
}

function sameWords(a: TermSpan, b: TermSpan): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap * 2 >= Math.max(a.end - a.start, b.end - b.start);
}

function mergeSpans(text: string, spans: readonly TermSpan[]): TermSpan[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const out: TermSpan[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) {
      if (s.end <= prev.end) continue;
      const start = prev.start;
      const end = s.end;
      out[out.length - 1] = { start, end, text: text.slice(start, end).replace(/\s+/g, " "), groups: [...new Set([...prev.groups, ...s.groups])] };
    } else out.push(s);
  }
  return out;
}

/**
 * A term as a chip shows it: a paraphrase by its content-word groups ("gate · storm
 * surge"), anything else by its words, either cut to about `maxWords` words with "…".
 */
export function termLabel(span: TermSpan | null, paraphrased = false, maxWords = 8): string {
  if (!span) return "";
  if (paraphrased) {
    const shown: string[] = [];
    let count = 0;
    for (const g of span.groups) {
      if (count >= maxWords) break;
      shown.push(g);
      count += g.split(" ").length;
    }
    return shown.join(" · ") + (shown.length < span.groups.length ? " …" : "");
  }
  const words = span.text.split(" ");
  return words.length <= maxWords ? span.text : `${words.slice(0, maxWords).join(" ")} …`;
}
