import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded-random";
import { compilePattern, editDistance, findMatchEnds, prefixDistances } from "./approx-match";


/** Textbook O(m·n) dynamic programming, the reference for the bit-parallel code. */
function searchTable(text: string, pattern: string): number[] {
  // best[j] = min over i of distance(pattern, text.slice(i, j))
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const best = [pattern.length];
  for (let j = 1; j <= text.length; j++) {
    const current = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      current[i] = Math.min(previous[i - 1]! + cost, previous[i]! + 1, current[i - 1]! + 1);
    }
    best.push(current[pattern.length]!);
    previous = current;
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j - 1]! + cost, previous[j]! + 1, current[j - 1]! + 1);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function randomString(random: () => number, length: number, alphabet: string): string {
  let s = "";
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

describe("findMatchEnds (bit-parallel search with cut-off)", () => {
  // Small alphabets make many near matches; lengths cross the 32-bit block boundaries.
  const cases: Array<[string, number, number, string]> = [
    ["short pattern, binary alphabet", 7, 60, "ab"],
    ["one full block", 32, 120, "abc"],
    ["just over one block", 33, 150, "abcd"],
    ["three blocks", 90, 300, "abcdefgh"],
    ["long pattern, rich alphabet", 200, 600, "abcdefghijklmnopqrstuvwxyz "],
  ];
  it.each(cases)("agrees with dynamic programming: %s", (_name, m, n, alphabet) => {
    const seed = 0x5eed + m;
    const random = seededRandom(seed);
    for (let round = 0; round < 25; round++) {
      const pattern = randomString(random, m, alphabet);
      // Plant an edited copy of the pattern so that there are real matches.
      let text = randomString(random, n, alphabet);
      const at = Math.floor(random() * (n - m));
      const planted = pattern
        .split("")
        .map((c) => (random() < 0.1 ? randomString(random, Math.floor(random() * 2), alphabet) : c))
        .join("");
      text = text.slice(0, at) + planted + text.slice(at);
      const expected = searchTable(text, pattern);
      for (const maxErrors of [0, 1, Math.floor(m / 4), Math.floor(m / 2), m]) {
        const want = expected.flatMap((errors, end) => (end > 0 && errors <= maxErrors ? [{ end, errors }] : []));
        const got = findMatchEnds(text, compilePattern(pattern), maxErrors);
        expect(got, `seed ${seed} round ${round} k=${maxErrors}`).toEqual(want);
      }
      // A sub-range sees only the substrings inside it.
      const from = Math.floor(n / 3);
      const to = Math.floor((2 * n) / 3);
      const inside = searchTable(text.slice(from, to), pattern).flatMap((errors, end) =>
        end > 0 && errors <= m / 4 ? [{ end: from + end, errors }] : [],
      );
      expect(findMatchEnds(text, compilePattern(pattern), Math.floor(m / 4), from, to)).toEqual(
        inside.filter((e) => e.errors <= Math.floor(m / 4)),
      );
    }
  });

  it("finds nothing for an empty pattern", () => {
    expect(findMatchEnds("abc", compilePattern(""), 3)).toEqual([]);
  });
});

describe("prefixDistances and editDistance", () => {
  it("agree with dynamic programming across block sizes", () => {
    const random = seededRandom(42);
    for (const m of [0, 1, 5, 31, 32, 33, 64, 65, 100]) {
      for (let round = 0; round < 10; round++) {
        const a = randomString(random, m, "abcde");
        const b = randomString(random, Math.floor(random() * 120), "abcde");
        const distances = prefixDistances(b, compilePattern(a));
        for (let j = 0; j <= b.length; j++) expect(distances[j]).toBe(levenshtein(a, b.slice(0, j)));
        expect(editDistance(a, b)).toBe(levenshtein(a, b));
      }
    }
  });
});
