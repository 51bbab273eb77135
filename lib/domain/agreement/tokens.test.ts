import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff';
import { perValueReliability, reliabilityFromSpans, tokenUnits, type TextRange } from './tokens';

const words = (text: string) => tokenUnits(text).map(({ start, end }) => text.slice(start, end));

describe('tokenUnits', () => {
  it('returns word tokens only, with offsets into the text', () => {
    const text = '  "Washington\'s illegal assassination" — a decisive, defensive action!';
    expect(words(text)).toEqual(["Washington's", 'illegal', 'assassination', 'a', 'decisive', 'defensive', 'action']);
    expect(tokenUnits(text)[0]).toEqual({ start: 3, end: 15 });
  });

  it('keeps hyphenated words, contractions and numbers whole', () => {
    expect(words('A well-known U.S. official didn’t say 3.5% of 10,000 (sic).')).toEqual([
      'A',
      'well-known',
      'U',
      'S',
      'official',
      'didn’t',
      'say',
      '3.5',
      'of',
      '10,000',
      'sic',
    ]);
    // Sentence punctuation between words is not part of a token.
    expect(words('end.Next one,two - three -- four')).toEqual(['end', 'Next', 'one', 'two', 'three', 'four']);
  });

  it('handles non-Latin scripts and combining marks; no units for punctuation or symbols', () => {
    expect(words('Σύγκρουση στη Γάζα · القصف 😀 café')).toEqual(['Σύγκρουση', 'στη', 'Γάζα', 'القصف', 'café']);
    expect(words('cafe\u0301 ok')).toEqual(['cafe\u0301', 'ok']);
    expect(tokenUnits('  ... !!! — 😀 ')).toEqual([]);
    expect(tokenUnits('')).toEqual([]);
  });

  it('uses UTF-16 offsets (as String.prototype.slice)', () => {
    const text = '😀 word';
    expect(tokenUnits(text)).toEqual([{ start: 3, end: 7 }]);
  });
});

describe('reliabilityFromSpans', () => {
  //            0         1         2         3
  //            0123456789012345678901234567890123456
  const text = 'The regime claimed a decisive victory';
  const units = tokenUnits(text); // The regime claimed a decisive victory

  it("gives each coder the covering span's value per token, else 'none'", () => {
    const result = reliabilityFromSpans(units, [
      { coderId: 'ana', spans: [{ start: 4, end: 10, value: 'labeling' }] },
      { coderId: 'ben', spans: [{ start: 0, end: 10, value: 'labeling' }, { start: 21, end: 37, value: 'loaded' }] },
    ]);
    expect(result).toEqual({
      coders: ['ana', 'ben'],
      data: [
        ['none', 'labeling', 'none', 'none', 'none', 'none'],
        ['labeling', 'labeling', 'none', 'none', 'loaded', 'loaded'],
      ],
    });
  });

  it('counts a token as covered when the span shares at least one character with it', () => {
    const data = (start: number, end: number) =>
      reliabilityFromSpans(units, [{ coderId: 'a', spans: [{ start, end, value: 't' }] }]).data[0];
    expect(data(6, 8)).toEqual(['none', 't', 'none', 'none', 'none', 'none']); // inside "regime"
    expect(data(9, 12)).toEqual(['none', 't', 't', 'none', 'none', 'none']); // "e cl"
    expect(data(10, 11)).toEqual(['none', 'none', 'none', 'none', 'none', 'none']); // the space only
    expect(data(10, 10)).toEqual(['none', 'none', 'none', 'none', 'none', 'none']); // empty span
    expect(data(28, 500)).toEqual(['none', 'none', 'none', 'none', 't', 't']); // past the end
  });

  it('joins the sorted distinct values when spans of one coder overlap with different values', () => {
    const result = reliabilityFromSpans(units, [
      {
        coderId: 'ana',
        spans: [
          { start: 21, end: 37, value: 'loaded' },
          { start: 0, end: 29, value: 'euphemism' },
          { start: 21, end: 29, value: 'loaded' }, // same value twice: no effect
        ],
      },
    ]);
    expect(result.data[0]).toEqual([
      'euphemism',
      'euphemism',
      'euphemism',
      'euphemism',
      'euphemism + loaded',
      'loaded',
    ]);
    // The order of spans does not matter.
    const reversed = reliabilityFromSpans(units, [{ coderId: 'ana', spans: [{ start: 0, end: 29, value: 'euphemism' }, { start: 21, end: 37, value: 'loaded' }] }]);
    expect(reversed.data[0]![4]).toBe('euphemism + loaded');
  });

  it('marks tokens outside missingOutside as missing for every coder', () => {
    const coders = [
      { coderId: 'a', spans: [{ start: 0, end: 37, value: 'x' }] },
      { coderId: 'b', spans: [] },
    ];
    const result = reliabilityFromSpans(units, coders, { missingOutside: [{ start: 4, end: 18 }, { start: 30, end: 31 }] });
    expect(result.data).toEqual([
      [null, 'x', 'x', null, null, 'x'],
      [null, 'none', 'none', null, null, 'none'],
    ]);
    expect(reliabilityFromSpans(units, coders, { missingOutside: [] }).data[0]).toEqual([null, null, null, null, null, null]);
  });

  it('validates its input', () => {
    const ok = [{ coderId: 'a', spans: [] }];
    expect(() => reliabilityFromSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }], ok)).toThrow(/sorted/);
    expect(() => reliabilityFromSpans([{ start: 0, end: 5 }, { start: 3, end: 8 }], ok)).toThrow(/overlap/);
    expect(() => reliabilityFromSpans([{ start: 2, end: 2 }], ok)).toThrow(/empty/);
    expect(() => reliabilityFromSpans(units, [...ok, ...ok])).toThrow(/twice/);
    expect(() => reliabilityFromSpans(units, [{ coderId: 'a', spans: [{ start: 5, end: 2, value: 'x' }] }])).toThrow(RangeError);
    expect(() => reliabilityFromSpans(units, [{ coderId: 'a', spans: [{ start: -1, end: 2, value: 'x' }] }])).toThrow(RangeError);
    expect(() => reliabilityFromSpans(units, [{ coderId: 'a', spans: [{ start: 0.5, end: 2, value: 'x' }] }])).toThrow(RangeError);
    expect(() => reliabilityFromSpans(units, [{ coderId: 'a', spans: [{ start: 0, end: 2, value: 'none' }] }])).toThrow(/reserved/);
    expect(() => reliabilityFromSpans(units, ok, { missingOutside: [{ start: 3, end: 1 }] })).toThrow(/missingOutside/);
  });

  it('feeds krippendorffAlpha directly', () => {
    const { data } = reliabilityFromSpans(units, [
      { coderId: 'a', spans: [{ start: 4, end: 10, value: 'labeling' }] },
      { coderId: 'b', spans: [{ start: 4, end: 10, value: 'labeling' }] },
    ]);
    expect(krippendorffAlpha(data, 'nominal')).toBe(1);
  });

  it('handles 20 coders × 50,000 tokens quickly', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `w${i}`).join(' ');
    const tokens: TextRange[] = tokenUnits(text);
    expect(tokens).toHaveLength(50_000);
    const coders = Array.from({ length: 20 }, (_, c) => ({
      coderId: `c${c}`,
      spans: Array.from({ length: 500 }, (_, s) => {
        const first = tokens[(s * 97 + c * 3) % 49_900]!;
        const last = tokens[(s * 97 + c * 3) % 49_900 + 5 + (c % 4)]!;
        return { start: first.start, end: last.end, value: `tag${(s + c) % 7}` };
      }),
    }));
    const started = performance.now();
    const { data } = reliabilityFromSpans(tokens, coders);
    const alpha = krippendorffAlpha(data, 'nominal');
    expect(Number.isFinite(alpha)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('perValueReliability', () => {
  const text = 'The regime claimed a decisive victory';
  const units = tokenUnits(text);

  it("gives 'present'/'absent' for one value, ignoring other values and overlaps", () => {
    const coders = [
      { coderId: 'ana', spans: [{ start: 0, end: 29, value: 'euphemism' }, { start: 21, end: 37, value: 'loaded' }] },
      { coderId: 'ben', spans: [{ start: 21, end: 29, value: 'loaded' }] },
    ];
    expect(perValueReliability(units, coders, 'loaded')).toEqual({
      coders: ['ana', 'ben'],
      data: [
        ['absent', 'absent', 'absent', 'absent', 'present', 'present'],
        ['absent', 'absent', 'absent', 'absent', 'present', 'absent'],
      ],
    });
    expect(perValueReliability(units, coders, 'unused').data.flat().every((v) => v === 'absent')).toBe(true);
    expect(perValueReliability(units, coders, 'loaded', { missingOutside: [{ start: 21, end: 29 }] }).data[1]).toEqual([
      null,
      null,
      null,
      null,
      'present',
      null,
    ]);
  });
});
