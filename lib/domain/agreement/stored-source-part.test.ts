import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import type { CodedSpan } from './documents';
import { combineSourceFigures, sourceFigures, type FiguresText, type SourceFigures } from './source-figures';
import { randomComparison, TAG_SETS, text } from './source-figures-test-fixtures';
import { parseSourcePart, serialiseSourcePart, STORED_PART_FORMAT } from './stored-source-part';

const part = (t: FiguresText, spans: readonly CodedSpan[], coderIds: string[]) => sourceFigures(t, spans.filter((s) => s.textId === t.id), coderIds, TAG_SETS);
const roundTrip = (p: SourceFigures, coderIds: string[]) => parseSourcePart(serialiseSourcePart(p, coderIds), coderIds);

const A = text('a', 'The strike killed the general near the airport, officials said on Monday.');
const RTL = text('rtl', 'قال المسؤولون إن الضربة قتلت الجنرال 🙂 قرب المطار');
const at = (t: { id: string; text: string }, coderId: string, words: string, tagIds: string[]): CodedSpan => {
  const start = t.text.indexOf(words);
  return { textId: t.id, coderId, start, end: start + words.length, tagIds };
};
const ANA_BEN = ['ana', 'ben'];

describe('serialiseSourcePart and parseSourcePart', () => {
  it.each<[string, SourceFigures, string[]]>([
    ['an empty source', part(text('empty', ''), [], ANA_BEN), ANA_BEN],
    ['a source only one coder worked on (no αU part, no disagreement)', part(A, [at(A, 'ana', 'strike killed', ['loaded'])], ANA_BEN), ANA_BEN],
    ['two coders, a multi-tag word and an untagged span', part(A, [at(A, 'ana', 'strike killed', ['loaded', 'label']), at(A, 'ben', 'killed the general', ['loaded']), at(A, 'ben', 'airport', [])], ANA_BEN), ANA_BEN],
    ['right-to-left text with an emoji', part(RTL, [at(RTL, 'ana', 'الضربة قتلت', ['loaded']), at(RTL, 'ben', 'الجنرال 🙂', ['quote'])], ANA_BEN), ANA_BEN],
    ['a coder of the comparison who left this source blank', part(A, [at(A, 'ana', 'general', ['label']), at(A, 'cy', 'officials said', ['quote'])], ['ana', 'ben', 'cy']), ['ana', 'ben', 'cy']],
  ])('round-trips %s', (_, p, coderIds) => {
    expect(roundTrip(p, coderIds)).toEqual(p);
  });

  it('round-trips random parts, which add up to exactly the figures of the computed ones', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { texts, spans, coderIds } = randomComparison(seededRandom(seed));
      const parts = texts.map((t) => part(t, spans, coderIds));
      const read = parts.map((p) => roundTrip(p, coderIds));
      expect(read, `seed ${seed}`).toEqual(parts);
      // Not merely close: the same integers in, the same floating-point figures out.
      expect(combineSourceFigures(read, coderIds, TAG_SETS), `seed ${seed}`).toEqual(combineSourceFigures(parts, coderIds, TAG_SETS));
    }
  });

  it('writes a fixed part as this text (a change here, of the format or of the computation, must raise STORED_PART_FORMAT)', () => {
    const fixed = part(A, [at(A, 'ana', 'strike killed', ['loaded']), at(A, 'ben', 'killed', ['label']), at(A, 'ben', 'Monday', ['euphemism'])], ANA_BEN);
    expect(STORED_PART_FORMAT).toBe(1);
    expect(serialiseSourcePart(fixed, ANA_BEN)).toBe(
      '{"format":1,"textId":"a","length":73,"everyCoder":true,"values":["loaded","none","label","euphemism"],"sets":[' +
        '{"combined":[12,24,[["none",21],["loaded",2],["label",1]],[[2,2]]],"perTag":[[12,24,[["absent",22],["present",2]],[[2,2]]],[12,24,[["absent",23],["present",1]],[[2,1]]],[12,24,[["absent",24]],[]]],' +
        '"span":[["loaded",169,[[13,1]],[],[[false,4,56],[true,0,0]]],["label",36,[[6,1]],[],[[true,0,0],[false,11,56]]]],' +
        '"disagreements":[4,10,2,0,0,1,1,11,17,2,0,0,1,2]},' +
        '{"combined":[12,24,[["none",23],["euphemism",1]],[[2,1]]],"perTag":[[12,24,[["absent",23],["present",1]],[[2,1]]]],' +
        '"span":[["euphemism",36,[[6,1]],[],[[true,0,0],[false,66,1]]]],"disagreements":[66,72,2,0,1,1,3]},' +
        '{"combined":[12,24,[["none",24]],[]],"perTag":[[12,24,[["absent",24]],[]],[12,24,[["absent",24]],[]]],"span":[],"disagreements":[]}]}',
    );
  });

  it('refuses a part with a disagreement by a coder not given', () => {
    const p = part(A, [at(A, 'ana', 'strike', ['loaded']), at(A, 'ben', 'strike', ['label'])], ANA_BEN);
    expect(() => serialiseSourcePart(p, ['ana'])).toThrow(/by the coders given; ben is not one of them/);
  });

  const good = JSON.parse(serialiseSourcePart(part(A, [at(A, 'ana', 'strike killed', ['loaded']), at(A, 'ben', 'killed', ['label'])], ANA_BEN), ANA_BEN));
  const changed = (edit: (p: typeof good) => void) => {
    const p = structuredClone(good);
    edit(p);
    return JSON.stringify(p);
  };
  it.each<[string, string, string[], RegExp]>([
    ['not JSON', '{"format":1', ANA_BEN, /is not JSON/],
    ['not an object', '[1]', ANA_BEN, /the part must be an object/],
    ['another format', changed((p) => (p.format = 2)), ANA_BEN, /in format 2, not 1/],
    ['a fractional count', changed((p) => (p.sets[0].combined[0] = 1.5)), ANA_BEN, /sets\[0\]\.combined\[0\] must be a whole number/],
    ['a negative length', changed((p) => (p.length = -1)), ANA_BEN, /length must be a whole number, 0 or more/],
    ['a count as a string', changed((p) => (p.sets[0].span[0][1] = '133')), ANA_BEN, /sets\[0\]\.span\[0\]\[1\] must be a whole number/],
    ['a missing edge', changed((p) => p.sets[0].span[0][4][0].pop()), ANA_BEN, /sets\[0\]\.span\[0\]\[4\]\[0\] must be an array of 3/],
    ['a value that is not a string', changed((p) => (p.values[0] = 7)), ANA_BEN, /values\[0\] must be a string/],
    ['a disagreement cut short', changed((p) => p.sets[0].disagreements.pop()), ANA_BEN, /disagreements must be complete/],
    ['a coder beyond those given', JSON.stringify(good), ['ana'], /disagreements\[5\] must be a coder, a whole number from 0 to below 1/],
    ['a value beyond the list', changed((p) => (p.sets[0].disagreements[4] = 9)), ANA_BEN, /disagreements\[4\] must be a value, a whole number from 0 to below 3/],
    ['sets missing', changed((p) => delete p.sets), ANA_BEN, /sets must be an array/],
  ])('refuses %s, saying where', (_, stored, coderIds, message) => {
    expect(() => parseSourcePart(stored, coderIds)).toThrow(RangeError);
    expect(() => parseSourcePart(stored, coderIds)).toThrow(message);
  });
});
