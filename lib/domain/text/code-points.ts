/**
 * Converting offsets between UTF-16 code units (JavaScript strings, the annotations'
 * TextPositionSelector) and Unicode code points (what other tools and languages count, and
 * what `npm run cli -- suggest` prints). They differ after any character outside the Basic
 * Multilingual Plane: an emoji or a flag counts 2 code units but 1 code point (a flag, two).
 */

export interface CodePointIndex {
  /** The code-point offset of a UTF-16 offset (one inside a surrogate pair maps to its character's end). */
  toCodePoint(utf16: number): number;
  /** The UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number;
}

/** An index over one text, built in one pass; each lookup is then a binary search over its astral characters. */
export function codePointIndex(text: string): CodePointIndex {
  // Astral characters are rare: store only where they are, and count from the nearest.
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  const check = (value: number, max: number, unit: string) => {
    if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${unit} offset ${value} is outside the text (0-${max}).`);
  };
  const codePointLength = text.length - astral.length;
  /** How many leading astral characters satisfy a test that holds for a prefix of them. */
  const countWhile = (test: (k: number) => boolean) => {
    let low = 0;
    let high = astral.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (test(mid)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return {
    toCodePoint(utf16) {
      check(utf16, text.length, "UTF-16");
      const before = countWhile((k) => astral[k]! < utf16);
      // A pair that starts before the offset counts one code point less than its two units;
      // an offset between its halves lands after the character.
      const inside = before > 0 && astral[before - 1]! + 1 === utf16;
      return utf16 - before + (inside ? 1 : 0);
    },
    toUtf16(codePoint) {
      check(codePoint, codePointLength, "Code-point");
      const before = countWhile((k) => astral[k]! - k < codePoint);
      return codePoint + before;
    },
  };
}
