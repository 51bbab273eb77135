/**
 * Approximate string matching by edit distance, using Myers' bit-parallel algorithm
 * ("A fast bit-vector algorithm for approximate string matching based on dynamic
 * programming", J. ACM 1999) in its multi-word ("blocks") form.
 *
 * Why not diff-match-patch's `match_main`: its bitap search is limited to 32-character
 * patterns and returns a single location chosen by its own error/distance trade-off,
 * while annotations quote whole sentences and we want *every* plausible candidate so
 * that the caller can rank them by context. The block form has no length limit, and
 * with Ukkonen's cut-off it only computes the rows that can still be within
 * `maxErrors`, so a search costs about O(maxErrors / 32 · text.length) word operations.
 *
 * Everything works on UTF-16 code units, like JavaScript string offsets. Callers snap
 * results to grapheme boundaries where that matters (see `unicode.ts`).
 */

const WORD = 32;

/** A pattern prepared for repeated searches (the per-character bit masks). */
export interface CompiledPattern {
  readonly length: number;
  readonly blocks: number;
  /** Char code → column in `peq`; chars not in the pattern use column `stride - 1`. */
  readonly columns: ReadonlyMap<number, number>;
  /** The same for char codes < 128, as an array: most text is ASCII and a Map lookup per character dominated the search. */
  readonly asciiColumns: Int32Array;
  /** `peq[block * stride + column]`: bit i set when pattern[block * 32 + i] is that char. */
  readonly peq: Int32Array;
  readonly stride: number;
  /** Bit of the last pattern row inside each block. */
  readonly highBits: Int32Array;
}

export function compilePattern(pattern: string): CompiledPattern {
  const length = pattern.length;
  const blocks = Math.max(1, Math.ceil(length / WORD));
  const columns = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const code = pattern.charCodeAt(i);
    if (!columns.has(code)) columns.set(code, columns.size);
  }
  const stride = columns.size + 1;
  const peq = new Int32Array(blocks * stride);
  for (let i = 0; i < length; i++) {
    const column = columns.get(pattern.charCodeAt(i))!;
    peq[((i / WORD) | 0) * stride + column]! |= 1 << i % WORD;
  }
  const asciiColumns = new Int32Array(128).fill(stride - 1);
  for (const [code, column] of columns) if (code < 128) asciiColumns[code] = column;
  const highBits = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const rows = Math.min(WORD, length - b * WORD);
    highBits[b] = rows > 0 ? 1 << (rows - 1) : 0;
  }
  return { length, blocks, columns, asciiColumns, peq, stride, highBits };
}

/**
 * Advances one block of the DP column by one text character.
 * `hin` is the horizontal delta entering the block's top row (-1, 0 or +1);
 * returns the delta leaving its bottom row.
 */
function advanceBlock(
  P: Int32Array,
  M: Int32Array,
  b: number,
  eqIn: number,
  hin: number,
  highBit: number,
): number {
  const pv = P[b]!;
  const mv = M[b]!;
  let eq = eqIn;
  const xv = eq | mv;
  if (hin < 0) eq |= 1;
  const xh = (((eq & pv) + pv) ^ pv) | eq;
  let ph = mv | ~(xh | pv);
  let mh = pv & xh;
  let hout = 0;
  if ((ph & highBit) !== 0) hout = 1;
  else if ((mh & highBit) !== 0) hout = -1;
  ph <<= 1;
  mh <<= 1;
  if (hin < 0) mh |= 1;
  else if (hin > 0) ph |= 1;
  P[b] = mh | ~(xv | ph);
  M[b] = ph & xv;
  return hout;
}

export interface EndMatch {
  /** Exclusive end offset in the searched text. */
  end: number;
  /** Smallest edit distance between the pattern and any substring ending at `end`. */
  errors: number;
}

/** Column of `peq` for a char code. */
function columnOf(pattern: CompiledPattern, code: number): number {
  return code < 128 ? pattern.asciiColumns[code]! : (pattern.columns.get(code) ?? pattern.stride - 1);
}

/**
 * Every end offset at which some substring of text.slice(from, to) is within
 * `maxErrors` edits of the pattern, with that smallest distance. Offsets are ascending
 * and relative to `text`.
 */
export function findMatchEnds(
  text: string,
  pattern: CompiledPattern,
  maxErrors: number,
  from = 0,
  to = text.length,
): EndMatch[] {
  if (pattern.length === 0 || maxErrors < 0) return [];
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  return pattern.blocks === 1
    ? findMatchEndsOneWord(text, pattern, maxErrors, start, end)
    : findMatchEndsBlocks(text, pattern, maxErrors, start, end);
}

/** Patterns of up to 32 characters: the plain one-word algorithm, kept tight because it runs per text character. */
function findMatchEndsOneWord(
  text: string,
  pattern: CompiledPattern,
  maxErrors: number,
  from: number,
  to: number,
): EndMatch[] {
  const matches: EndMatch[] = [];
  const { peq, highBits, asciiColumns, columns } = pattern;
  const absent = pattern.stride - 1;
  const highBit = highBits[0]!;
  let pv = -1;
  let mv = 0;
  let score = pattern.length;
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    const eq = peq[code < 128 ? asciiColumns[code]! : (columns.get(code) ?? absent)]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if ((ph & highBit) !== 0) score++;
    else if ((mh & highBit) !== 0) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= maxErrors) matches.push({ end: j + 1, errors: score });
  }
  return matches;
}

function findMatchEndsBlocks(
  text: string,
  pattern: CompiledPattern,
  maxErrors: number,
  from: number,
  to: number,
): EndMatch[] {
  const matches: EndMatch[] = [];
  const m = pattern.length;
  const { blocks, peq, stride, highBits } = pattern;
  const lastBlock = blocks - 1;
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  // score[b] = distance at the bottom row of block b in the current column; column 0
  // of a search starts at D[i][0] = i (the pattern may start anywhere in the text).
  const score = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) score[b] = Math.min((b + 1) * WORD, m);
  // Last block that can hold a value ≤ maxErrors (Ukkonen's cut-off).
  let y = Math.min(lastBlock, Math.max(0, Math.ceil(maxErrors / WORD) - 1));

  for (let j = from; j < to; j++) {
    const column = columnOf(pattern, text.charCodeAt(j));
    let carry = 0;
    // advanceBlock, inlined: this loop is where fuzzy anchoring spends its time.
    for (let b = 0; b <= y; b++) {
      const pv = P[b]!;
      const mv = M[b]!;
      let eq = peq[b * stride + column]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const highBit = highBits[b]!;
      const hout = (ph & highBit) !== 0 ? 1 : (mh & highBit) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      carry = hout;
      score[b]! += carry;
    }
    if (
      y < lastBlock &&
      score[y]! - carry <= maxErrors &&
      ((peq[(y + 1) * stride + column]! & 1) !== 0 || carry < 0)
    ) {
      // The block below may now reach ≤ maxErrors: start computing it, from the
      // upper bound "every row one more than the row above" for the previous column.
      y++;
      P[y] = -1;
      M[y] = 0;
      const rows = Math.min(WORD, m - y * WORD);
      score[y] = score[y - 1]! - carry + rows;
      score[y]! += advanceBlock(P, M, y, peq[y * stride + column]!, carry, highBits[y]!);
    } else {
      while (y > 0 && score[y]! >= maxErrors + WORD) y--;
    }
    if (y === lastBlock && score[y]! <= maxErrors) matches.push({ end: j + 1, errors: score[y]! });
  }
  return matches;
}

/**
 * Distances between the whole pattern and each prefix of `text`:
 * `result[j]` = edit distance(pattern, text.slice(0, j)), for j = 0..text.length.
 * Used to align a pattern that must start exactly at the beginning of `text` but may
 * end anywhere (the context next to a quote, or a quote read backwards from its end).
 */
export function prefixDistances(text: string, pattern: CompiledPattern): Int32Array {
  const result = new Int32Array(text.length + 1);
  const m = pattern.length;
  result[0] = m;
  if (m === 0) {
    for (let j = 0; j <= text.length; j++) result[j] = j;
    return result;
  }
  const { blocks, peq, stride, highBits } = pattern;
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  let bottom = m;
  for (let j = 0; j < text.length; j++) {
    const column = columnOf(pattern, text.charCodeAt(j));
    // Row 0 grows by one per text character: no free start in the text.
    let carry = 1;
    for (let b = 0; b < blocks; b++) {
      carry = advanceBlock(P, M, b, peq[b * stride + column]!, carry, highBits[b]!);
    }
    bottom += carry;
    result[j + 1] = bottom;
  }
  return result;
}

/** Levenshtein distance between two strings (UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  return prefixDistances(b, compilePattern(a))[b.length]!;
}

/** Smallest distance between the pattern and any prefix of `text`. */
export function bestPrefixDistance(text: string, pattern: CompiledPattern): number {
  const distances = prefixDistances(text, pattern);
  let best = distances[0]!;
  for (let j = 1; j < distances.length; j++) if (distances[j]! < best) best = distances[j]!;
  return best;
}
