import { describe, expect, it } from 'vitest';
import { tagSetSpanAgreement, tagSetSpanStudy } from './span-study';

const texts = [
  { id: 'a', length: 100 },
  { id: 'b', length: 50 },
  { id: 'c', length: 80 },
];
const set = new Set(['loaded', 'label']);

describe('tagSetSpanStudy', () => {
  it('lays the texts every coder worked on end to end, one unit per tag of the set', () => {
    const built = tagSetSpanStudy(
      texts,
      [
        { textId: 'a', coderId: 'ana', start: 10, end: 20, tagIds: ['loaded', 'label'] },
        { textId: 'a', coderId: 'ben', start: 12, end: 20, tagIds: ['loaded', 'other-set'] },
        { textId: 'b', coderId: 'ana', start: 0, end: 5, tagIds: ['other-set'] },
        { textId: 'b', coderId: 'ben', start: 40, end: 50, tagIds: ['label'] },
        // Only ana worked on c: left out, not counted as ben marking nothing.
        { textId: 'c', coderId: 'ana', start: 0, end: 80, tagIds: ['loaded'] },
      ],
      ['ana', 'ben'],
      set,
    );
    expect(built).toEqual({
      study: {
        continuum: { begin: 0, length: 150 },
        raters: 2,
        units: [
          { rater: 0, begin: 10, length: 10, category: 'loaded' },
          { rater: 0, begin: 10, length: 10, category: 'label' },
          { rater: 1, begin: 12, length: 8, category: 'loaded' },
          { rater: 1, begin: 140, length: 10, category: 'label' },
        ],
      },
      textIds: ['a', 'b'],
    });
  });

  it.each([
    ['one coder', ['ana']],
    ['no text worked on by all', ['ana', 'ben', 'cy']],
  ])('has no study with %s', (_name, coders) => {
    const spans = [
      { textId: 'a', coderId: 'ana', start: 0, end: 5, tagIds: ['loaded'] },
      { textId: 'a', coderId: 'ben', start: 0, end: 5, tagIds: ['loaded'] },
    ];
    expect(tagSetSpanStudy(texts, spans, coders, set)).toBeNull();
  });

  it('clips a span to its text and drops an empty one', () => {
    const built = tagSetSpanStudy(
      texts,
      [
        { textId: 'b', coderId: 'ana', start: 45, end: 60, tagIds: ['loaded'] },
        { textId: 'b', coderId: 'ben', start: 7, end: 7, tagIds: ['loaded'] },
      ],
      ['ana', 'ben'],
      set,
    );
    expect(built!.study.units).toEqual([{ rater: 0, begin: 45, length: 5, category: 'loaded' }]);
  });
});

describe('tagSetSpanAgreement', () => {
  it('gives 1 for identical spans, per tag and for the set', () => {
    const spans = ['ana', 'ben'].map((coderId) => ({ textId: 'a', coderId, start: 30, end: 40, tagIds: ['loaded'] }));
    expect(tagSetSpanAgreement(texts, spans, ['ana', 'ben'], set)).toEqual({
      alphaU: 1,
      perTag: { loaded: { Do: 0, De: expect.any(Number), alpha: 1 } },
      textIds: ['a'],
    });
  });

  it('is not measurable with nothing to compare', () => {
    expect(tagSetSpanAgreement(texts, [], ['ana', 'ben'], set)).toEqual({ alphaU: null, perTag: {}, textIds: [] });
  });
});
