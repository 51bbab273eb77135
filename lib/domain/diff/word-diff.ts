import DiffMatchPatch from "diff-match-patch";
import { insideTokenMask, tokenize } from "./tokenize";

/** diff-match-patch operation: -1 delete (only in a), 0 equal, 1 insert (only in b). */
export type DiffOp = -1 | 0 | 1;
/** A diff-match-patch style tuple. Equal + delete texts rebuild `a`; equal + insert rebuild `b`. */
export type Diff = [DiffOp, string];

export const DIFF_DELETE = -1 as const;
export const DIFF_EQUAL = 0 as const;
export const DIFF_INSERT = 1 as const;

export interface WordDiffOptions {
  /**
   * Time budget for the core diff, in milliseconds (default 250; 0 means no limit). When it
   * runs out the result is still a correct diff, only coarser: the part not yet resolved
   * becomes one replaced block. Related texts (two revisions of a source, two versions of
   * a wire story, two passages of a fact row) finish far below the budget; the budget only
   * bites on long unrelated texts, where Myers' O(N x D) cost explodes and where the
   * outcome is "everything changed" anyway. diff-match-patch's own default is 1 s, but the
   * diff is synchronous and would block a small server's event loop for that long.
   */
  timeoutMs?: number;
  /**
   * Run diff_cleanupSemantic (default true). Without it every shared space or "the" between
   * two rewritten phrases stays a separate equality, which is exact but hard to read.
   */
  semanticCleanup?: boolean;
  /** BCP 47 languages of the two texts, for word segmentation (see ../text/words.ts). */
  languages?: readonly [string | null | undefined, string | null | undefined];
  /**
   * Number of distinct single-character codes available for tokens. Only tests lower it to
   * exercise the overflow path cheaply; the real limit is the 16-bit code unit (65,536).
   */
  codeSpace?: number;
}

const DEFAULT_TIMEOUT_MS = 250;
const FULL_CODE_SPACE = 0x10000;
// Codes 0 and 1 stand for "token that occurs only in a" / "only in b" (see encodeTokens).
const A_ONLY = 0;
const B_ONLY = 1;
const FIRST_SHARED_CODE = 2;

/**
 * Word-level diff of two texts.
 *
 * Pipeline: tokenise both texts (words, whitespace runs, punctuation; see tokenize.ts), map
 * every token to one UTF-16 code unit (diff_linesToChars_ applied to word tokens), run
 * diff_main on the two code strings, map the codes back to text, then
 * diff_cleanupSemantic for readability, and finally move diff boundaries that the
 * character-level clean-up placed inside a word back onto word boundaries.
 */
export function wordDiff(a: string, b: string, options: WordDiffOptions = {}): Diff[] {
  if (a === b) return a === "" ? [] : [[DIFF_EQUAL, a]];
  if (a === "") return [[DIFF_INSERT, b]];
  if (b === "") return [[DIFF_DELETE, a]];

  const tokensA = tokenize(a, options.languages?.[0]);
  const tokensB = tokenize(b, options.languages?.[1]);
  const textsA = tokensA.map((t) => t.text);
  const textsB = tokensB.map((t) => t.text);
  const encoded = encodeTokens(textsA, textsB, options.codeSpace ?? FULL_CODE_SPACE);

  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000;
  // checklines=false: the code strings have no meaningful "\n", and a line-level pre-pass
  // over them would only add work.
  const codeDiffs = dmp.diff_main(encoded.chars1, encoded.chars2, false);

  let diffs = decode(codeDiffs, textsA, textsB, encoded.exact);
  if (options.semanticCleanup ?? true) {
    diffs = normalize(diffs);
    dmp.diff_cleanupSemantic(diffs);
  }
  return snapToWords(diffs, insideTokenMask(a, tokensA), insideTokenMask(b, tokensB));
}

interface Encoded {
  chars1: string;
  chars2: string;
  /** false when some distinct tokens had to share a code; equalities must then be verified. */
  exact: boolean;
}

/**
 * Maps token sequences to code-unit strings.
 *
 * Two ideas keep us within 16-bit code units:
 * 1. Only tokens that occur in BOTH texts need a code of their own. A token that occurs
 *    only in `a` can never be matched, so all such tokens share code 0 (which never occurs
 *    in the encoding of `b`), and likewise tokens only in `b` share code 1. The edit script
 *    is unchanged, and typical texts use far fewer codes.
 * 2. If the shared vocabulary still exceeds the code space (hundreds of thousands of words
 *    of text), the overflow tokens are hashed into a pool of codes. Two different tokens
 *    may then compare equal, so decode() checks every "equal" token pair and turns false
 *    matches into a delete + insert. The result stays a correct diff; it can only be a bit
 *    less minimal around colliding tokens.
 * Unlike diff_linesToChars_, which stops splitting at the limit and lumps the rest of the
 * text into one "line", this degrades gradually and never loses alignment for the tail.
 */
export function encodeTokens(textsA: readonly string[], textsB: readonly string[], codeSpace = FULL_CODE_SPACE): Encoded {
  const inB = new Set(textsB);
  const shared = new Set<string>();
  for (const t of textsA) if (inB.has(t)) shared.add(t);

  const available = codeSpace - FIRST_SHARED_CODE;
  if (available < 1) throw new RangeError("codeSpace must leave room for at least one shared code");
  const exact = shared.size <= available;
  // With overflow, keep a quarter of the space (at most 4096 codes) as the hash pool.
  const pool = exact ? 0 : Math.max(1, Math.min(4096, Math.floor(available / 4)));
  const uniqueLimit = available - pool;

  const codes = new Map<string, number>();
  let next = FIRST_SHARED_CODE;
  for (const t of shared) {
    if (next - FIRST_SHARED_CODE < uniqueLimit) codes.set(t, next++);
    else codes.set(t, FIRST_SHARED_CODE + uniqueLimit + (hashString(t) % pool));
  }

  const encode = (texts: readonly string[], other: number) => {
    const units = new Uint16Array(texts.length);
    for (let i = 0; i < texts.length; i++) units[i] = codes.get(texts[i] as string) ?? other;
    return fromCodeUnits(units);
  };
  return { chars1: encode(textsA, A_ONLY), chars2: encode(textsB, B_ONLY), exact };
}

function fromCodeUnits(units: Uint16Array): string {
  // String.fromCharCode(...hugeArray) overflows the call stack; go in chunks.
  const CHUNK = 8192;
  let out = "";
  for (let i = 0; i < units.length; i += CHUNK) {
    out += String.fromCharCode(...units.subarray(i, i + CHUNK));
  }
  return out;
}

function hashString(s: string): number {
  // FNV-1a, 32 bit: only needs to spread overflow tokens over the pool.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function decode(codeDiffs: readonly [number, string][], textsA: readonly string[], textsB: readonly string[], exact: boolean): Diff[] {
  const out: Diff[] = [];
  const push = (op: DiffOp, text: string) => {
    if (text === "") return;
    const last = out[out.length - 1];
    if (last && last[0] === op) last[1] += text;
    else out.push([op, text]);
  };
  let ia = 0;
  let ib = 0;
  for (const [op, codes] of codeDiffs) {
    const n = codes.length;
    if (op === DIFF_EQUAL) {
      if (exact) {
        push(DIFF_EQUAL, textsA.slice(ia, ia + n).join(""));
      } else {
        for (let k = 0; k < n; k++) {
          const ta = textsA[ia + k] as string;
          const tb = textsB[ib + k] as string;
          if (ta === tb) push(DIFF_EQUAL, ta);
          else {
            push(DIFF_DELETE, ta);
            push(DIFF_INSERT, tb);
          }
        }
      }
      ia += n;
      ib += n;
    } else if (op === DIFF_DELETE) {
      push(DIFF_DELETE, textsA.slice(ia, ia + n).join(""));
      ia += n;
    } else {
      push(DIFF_INSERT, textsB.slice(ib, ib + n).join(""));
      ib += n;
    }
  }
  return out;
}

type Segment = { equal: true; text: string } | { equal: false; del: string; ins: string };

function toSegments(diffs: readonly Diff[]): Segment[] {
  const segs: Segment[] = [];
  for (const [op, text] of diffs) {
    if (text === "") continue;
    const last = segs[segs.length - 1];
    if (op === DIFF_EQUAL) {
      if (last?.equal) last.text += text;
      else segs.push({ equal: true, text });
    } else {
      const change = last && !last.equal ? last : { equal: false as const, del: "", ins: "" };
      if (change !== last) segs.push(change);
      if (op === DIFF_DELETE) change.del += text;
      else change.ins += text;
    }
  }
  return segs;
}

function fromSegments(segs: readonly Segment[]): Diff[] {
  const out: Diff[] = [];
  for (const s of segs) {
    if (s.equal) {
      const last = out[out.length - 1];
      if (last && last[0] === DIFF_EQUAL) last[1] += s.text;
      else if (s.text) out.push([DIFF_EQUAL, s.text]);
    } else if (s.del === s.ins) {
      // Can only arise when both sides of a block end up identical; it is then an equality.
      const last = out[out.length - 1];
      if (last && last[0] === DIFF_EQUAL) last[1] += s.del;
      else if (s.del) out.push([DIFF_EQUAL, s.del]);
    } else {
      if (s.del) out.push([DIFF_DELETE, s.del]);
      if (s.ins) out.push([DIFF_INSERT, s.ins]);
    }
  }
  return out;
}

/**
 * Canonical form: equalities merged, each change block between two equalities as one
 * delete followed by one insert, no empty texts. Reordering deletes and inserts inside a
 * block is safe: between two equalities, `a` only sees the deletes and `b` the inserts.
 */
export function normalize(diffs: readonly Diff[]): Diff[] {
  return fromSegments(toSegments(diffs));
}

/**
 * Moves every diff boundary that falls inside a word (in `a` or in `b`) to the nearest
 * enclosing word boundary by giving the partial word from the equality to the adjacent
 * change on both sides. diff_cleanupSemantic can cut words: its overlap extraction turns
 * delete "sat" + insert "atom" into delete "s", equal "at", insert "om", and its lossless
 * shifting slides edits by characters. A reader should see "sat" → "atom", whole words.
 */
function snapToWords(diffs: readonly Diff[], maskA: Uint8Array, maskB: Uint8Array): Diff[] {
  const segs = toSegments(diffs);
  let pa = 0;
  let pb = 0;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as Segment;
    if (!seg.equal) {
      pa += seg.del.length;
      pb += seg.ins.length;
      continue;
    }
    let text = seg.text;
    const prev = segs[i - 1];
    if (prev && !prev.equal) {
      let k = 0;
      while (k < text.length && (maskA[pa + k] || maskB[pb + k])) k++;
      if (k > 0) {
        const moved = text.slice(0, k);
        prev.del += moved;
        prev.ins += moved;
        text = text.slice(k);
        pa += k;
        pb += k;
      }
    }
    const next = segs[i + 1];
    if (next && !next.equal && text.length > 0) {
      const endA = pa + text.length;
      const endB = pb + text.length;
      let k = 0;
      while (k < text.length && (maskA[endA - k] || maskB[endB - k])) k++;
      if (k > 0) {
        const moved = text.slice(text.length - k);
        next.del = moved + next.del;
        next.ins = moved + next.ins;
        text = text.slice(0, text.length - k);
      }
    }
    seg.text = text;
    pa += text.length;
    pb += text.length;
  }
  return fromSegments(toSegments(fromSegments(segs)));
}

/** The text of side `a` (equal + delete) of a diff. */
export function sourceText(diffs: readonly Diff[]): string {
  return diffs.filter(([op]) => op !== DIFF_INSERT).map(([, t]) => t).join("");
}

/** The text of side `b` (equal + insert) of a diff. */
export function targetText(diffs: readonly Diff[]): string {
  return diffs.filter(([op]) => op !== DIFF_DELETE).map(([, t]) => t).join("");
}
