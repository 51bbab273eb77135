import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import type { CodedSpan } from './documents';
import { combineSourceFigures, sourceFigures, type FiguresText } from './source-figures';
import { randomComparison, TAG_SETS, text } from './source-figures-test-fixtures';
import { parseSourcePart, serialiseSourcePart, STORED_PART_FORMAT, type StoredSourcePart } from './stored-source-part';
import { NO_VALUE, VALUE_SEPARATOR } from './tokens';

/** A source's part as the agreement page keeps it: its disagreements named (outlet, words, coders, tags). */
function listed(t: FiguresText & { text: string }, spans: readonly CodedSpan[], coderIds: string[], outlet = `Outlet of ${t.id}`): StoredSourcePart {
  const { sets, ...figures } = sourceFigures(t, spans.filter((s) => s.textId === t.id), coderIds, TAG_SETS);
  return {
    ...figures,
    sets: sets.map(({ disagreements, ...tallies }) => ({
      ...tallies,
      disagreements: disagreements.map((d) => ({
        sourceId: t.id,
        revisionId: `rev-${t.id}`,
        outlet,
        start: d.start,
        end: d.end,
        text: t.text.slice(d.start, d.end),
        values: d.values.map((v) => ({ coderId: v.coderId, coder: v.coderId.toUpperCase(), tags: v.value === NO_VALUE ? [] : v.value.split(VALUE_SEPARATOR) })),
      })),
    })),
  };
}

const roundTrip = (part: StoredSourcePart) => parseSourcePart(serialiseSourcePart(part));

const A = text('a', 'The strike killed the general near the airport, officials said on Monday.');
const RTL = text('rtl', 'قال المسؤولون إن الضربة قتلت الجنرال 🙂 قرب المطار');
const at = (t: { id: string; text: string }, coderId: string, words: string, tagIds: string[]): CodedSpan => {
  const start = t.text.indexOf(words);
  return { textId: t.id, coderId, start, end: start + words.length, tagIds };
};

describe('serialiseSourcePart and parseSourcePart', () => {
  it.each<[string, StoredSourcePart]>([
    ['an empty source', listed(text('empty', ''), [], ['ana', 'ben'])],
    ['a source only one coder worked on (no αU part, no disagreement)', listed(A, [at(A, 'ana', 'strike killed', ['loaded'])], ['ana', 'ben'])],
    ['two coders, a multi-tag word and an untagged span', listed(A, [at(A, 'ana', 'strike killed', ['loaded', 'label']), at(A, 'ben', 'killed the general', ['loaded']), at(A, 'ben', 'airport', [])], ['ana', 'ben'])],
    ['right-to-left text, an emoji and an outlet name with quotes', listed(RTL, [at(RTL, 'ana', 'الضربة قتلت', ['loaded']), at(RTL, 'ben', 'الجنرال 🙂', ['quote'])], ['ana', 'ben'], 'The "Daily" \\ Ñews')],
    ['a coder of the comparison who left this source blank', listed(A, [at(A, 'ana', 'general', ['label']), at(A, 'ben', 'officials said', ['quote'])], ['ana', 'ben', 'cy'])],
  ])('round-trips %s', (_, part) => {
    expect(roundTrip(part)).toEqual(part);
  });

  it('round-trips random parts, which add up to exactly the figures of the computed ones', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { texts, spans, coderIds } = randomComparison(seededRandom(seed));
      const parts = texts.map((t) => listed(t, spans, coderIds));
      const read = parts.map(roundTrip);
      expect(read, `seed ${seed}`).toEqual(parts);
      // Not merely close: the same integers in, the same floating-point figures out.
      expect(combineSourceFigures(read, coderIds, TAG_SETS), `seed ${seed}`).toEqual(combineSourceFigures(parts, coderIds, TAG_SETS));
    }
  });

  it('writes a fixed part as this text (a change here, of the format or of the computation, must raise STORED_PART_FORMAT)', () => {
    const part = listed(A, [at(A, 'ana', 'strike killed', ['loaded']), at(A, 'ben', 'killed', ['label']), at(A, 'ben', 'Monday', ['euphemism'])], ['ana', 'ben']);
    expect(STORED_PART_FORMAT).toBe(1);
    expect(serialiseSourcePart(part)).toBe(
      '{"format":1,"textId":"a","length":73,"everyCoder":true,"listed":["a","rev-a","Outlet of a"],"sets":[' +
        '{"combined":[12,24,[["none",21],["loaded",2],["label",1]],[[2,2]]],"perTag":[[12,24,[["absent",22],["present",2]],[[2,2]]],[12,24,[["absent",23],["present",1]],[[2,1]]],[12,24,[["absent",24]],[]]],' +
        '"span":[["loaded",169,[[13,1]],[],[[false,4,56],[true,0,0]]],["label",36,[[6,1]],[],[[true,0,0],[false,11,56]]]],' +
        '"disagreements":[[4,10,"strike",[["ana","ANA",["loaded"]],["ben","BEN",[]]]],[11,17,"killed",[["ana","ANA",["loaded"]],["ben","BEN",["label"]]]]]},' +
        '{"combined":[12,24,[["none",23],["euphemism",1]],[[2,1]]],"perTag":[[12,24,[["absent",23],["present",1]],[[2,1]]]],' +
        '"span":[["euphemism",36,[[6,1]],[],[[true,0,0],[false,66,1]]]],"disagreements":[[66,72,"Monday",[["ana","ANA",[]],["ben","BEN",["euphemism"]]]]]},' +
        '{"combined":[12,24,[["none",24]],[]],"perTag":[[12,24,[["absent",24]],[]],[12,24,[["absent",24]],[]]],"span":[],"disagreements":[]}]}',
    );
  });

  it('refuses a part whose disagreements are of several sources', () => {
    const a = listed(A, [at(A, 'ana', 'strike', ['loaded']), at(A, 'ben', 'strike', ['label']), at(A, 'ana', 'Monday', ['loaded'])], ['ana', 'ben']);
    a.sets[0]!.disagreements[1] = { ...a.sets[0]!.disagreements[0]!, outlet: 'Another outlet' };
    expect(() => serialiseSourcePart(a)).toThrow(/of one source, revision and outlet/);
  });

  const good = JSON.parse(serialiseSourcePart(listed(A, [at(A, 'ana', 'strike killed', ['loaded']), at(A, 'ben', 'killed', ['label'])], ['ana', 'ben'])));
  const changed = (edit: (part: typeof good) => void) => {
    const part = structuredClone(good);
    edit(part);
    return JSON.stringify(part);
  };
  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format":1', /is not JSON/],
    ['not an object', '[1]', /the part must be an object/],
    ['another format', changed((p) => (p.format = 2)), /in format 2, not 1/],
    ['a fractional count', changed((p) => (p.sets[0].combined[0] = 1.5)), /sets\[0\]\.combined\[0\] must be a whole number/],
    ['a negative length', changed((p) => (p.length = -1)), /length must be a whole number, 0 or more/],
    ['a count as a string', changed((p) => (p.sets[0].span[0][1] = '133')), /sets\[0\]\.span\[0\]\[1\] must be a whole number/],
    ['a missing edge', changed((p) => p.sets[0].span[0][4][0].pop()), /sets\[0\]\.span\[0\]\[4\]\[0\] must be an array of 3/],
    ['a tag that is not a string', changed((p) => (p.sets[0].disagreements[0][3][0][2] = [7])), /disagreements\[0\]\[3\]\[0\]\[2\]\[0\] must be a string/],
    ['a disagreement without its source', changed((p) => (p.listed = null)), /lists a disagreement \(sets\[0\]\.disagreements\[0\]\) but no source/],
    ['sets missing', changed((p) => delete p.sets), /sets must be an array/],
  ])('refuses %s, saying where', (_, stored, message) => {
    expect(() => parseSourcePart(stored)).toThrow(RangeError);
    expect(() => parseSourcePart(stored)).toThrow(message);
  });
});
