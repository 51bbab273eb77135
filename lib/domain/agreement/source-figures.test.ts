import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { tagSetDocuments, type CodedSpan } from './documents';
import { pooledAgreement } from './pooled';
import { combineSourceFigures, sourceFigures, type FiguresText } from './source-figures';
import { randomComparison, randomSpans, TAG_SETS, text } from './source-figures-test-fixtures';
import { tagSetSpanAgreement } from './span-study';
import { disagreements, type AlphaSummary } from './summary';

/** The figures as the agreement page computed them before per-source parts: every span at once. */
function allAtOnce(texts: readonly FiguresText[], spans: readonly CodedSpan[], coderIds: string[]) {
  return TAG_SETS.map((tagIds) => {
    const set = new Set(tagIds);
    const documents = tagSetDocuments(texts, spans, set);
    return {
      ...pooledAgreement(coderIds, documents, tagIds),
      span: tagSetSpanAgreement(texts, spans, coderIds, set),
      disagreements: documents.flatMap((doc) => disagreements(doc.units, doc.coders)),
    };
  });
}

function bySource(texts: readonly FiguresText[], spans: readonly CodedSpan[], coderIds: string[]) {
  const parts = texts.map((t) => sourceFigures(t, spans.filter((s) => s.textId === t.id), coderIds, TAG_SETS));
  return combined(parts, coderIds);
}

function combined(parts: ReturnType<typeof sourceFigures>[], coderIds: string[]) {
  return combineSourceFigures(parts, coderIds, TAG_SETS).map((set, i) => ({ ...set, disagreements: parts.flatMap((p) => p.sets[i]!.disagreements) }));
}

function expectSameSummary(actual: AlphaSummary, expected: AlphaSummary, where: string) {
  expect({ ...actual, alpha: null, observedAgreement: null }, where).toEqual({ ...expected, alpha: null, observedAgreement: null });
  for (const key of ['alpha', 'observedAgreement'] as const) {
    if (expected[key] === null) expect(actual[key], `${where} ${key}`).toBeNull();
    else expect(actual[key]!, `${where} ${key}`).toBeCloseTo(expected[key], 12);
  }
}

function expectSameFigures(actual: ReturnType<typeof bySource>, expected: ReturnType<typeof allAtOnce>) {
  expected.forEach((want, i) => {
    const got = actual[i]!;
    expectSameSummary(got.combined, want.combined, `set ${i}`);
    want.perValue.forEach((v, t) => {
      expect(got.perValue[t]!.value).toBe(v.value);
      expectSameSummary(got.perValue[t]!, v, `set ${i} ${v.value}`);
    });
    expect(got.span.textIds).toEqual(want.span.textIds);
    if (want.span.alphaU === null) expect(got.span.alphaU).toBeNull();
    else expect(got.span.alphaU!).toBeCloseTo(want.span.alphaU, 12);
    expect(Object.keys(got.span.perTag).sort()).toEqual(Object.keys(want.span.perTag).sort());
    for (const [tag, figure] of Object.entries(want.span.perTag)) {
      // Integer sums on both sides: the same numbers, not merely close ones.
      expect(got.span.perTag[tag], `αU of ${tag}`).toEqual(figure);
    }
    expect(got.disagreements).toEqual(want.disagreements);
  });
}

const A = text('a', 'The strike killed the general near the airport, officials said on Monday.');
const B = text('b', 'A decisive defensive action was taken, the ministry announced.');
const C = text('c', 'Witnesses described heavy shelling of the town overnight.');
const EMPTY = text('empty', '');
const at = (t: { id: string; text: string }, coderId: string, words: string, tagIds: string[]): CodedSpan => {
  const start = t.text.indexOf(words);
  return { textId: t.id, coderId, start, end: start + words.length, tagIds };
};

describe('combineSourceFigures', () => {
  it.each<[string, FiguresText[], CodedSpan[], string[]]>([
    ['two coders tagging the same words', [A, B], [at(A, 'ana', 'strike killed', ['loaded']), at(A, 'ben', 'strike killed', ['loaded']), at(B, 'ana', 'decisive', ['euphemism']), at(B, 'ben', 'decisive', ['euphemism'])], ['ana', 'ben']],
    ['a coder who skipped a source (left out of αU, missing in alpha)', [A, B, C], [at(A, 'ana', 'strike', ['loaded']), at(A, 'ben', 'killed', ['loaded']), at(B, 'ana', 'decisive', ['label']), at(C, 'ben', 'heavy shelling', ['loaded'])], ['ana', 'ben']],
    ['a gap running from the end of one source into the next', [A, B, C], [at(A, 'ana', 'The strike', ['loaded']), at(A, 'ben', 'Monday', ['loaded']), at(B, 'ana', 'ministry announced', ['quote']), at(B, 'ben', 'A decisive', ['loaded']), at(C, 'ana', 'Witnesses', ['label']), at(C, 'ben', 'overnight', ['loaded'])], ['ana', 'ben']],
    ['spans without a tag, and a tag only one source has', [A, B], [at(A, 'ana', 'general', []), at(A, 'ben', 'general', ['label']), at(B, 'ana', 'action', []), at(B, 'ben', 'the ministry', [])], ['ana', 'ben']],
    ['one coder\'s overlapping spans and multi-tags', [A], [at(A, 'ana', 'strike killed the', ['loaded']), at(A, 'ana', 'killed the general', ['loaded', 'label']), at(A, 'ben', 'killed', ['label']), at(A, 'cy', 'the general near', ['quote', 'loaded'])], ['ana', 'ben', 'cy']],
    ['an empty text between others', [A, EMPTY, B], [at(A, 'ana', 'strike', ['loaded']), at(A, 'ben', 'strike', ['label']), at(B, 'ana', 'decisive', ['loaded']), at(B, 'ben', 'action', ['loaded'])], ['ana', 'ben']],
    ['one coder only', [A, B], [at(A, 'ana', 'strike', ['loaded']), at(B, 'ana', 'decisive', ['loaded'])], ['ana']],
    ['nobody annotated', [A, B], [], []],
  ])('%s: the same figures as all spans at once', (_, texts, spans, coderIds) => {
    expectSameFigures(bySource(texts, spans, coderIds), allAtOnce(texts, spans, coderIds));
  });

  it('on random comparisons (several coders, overlapping spans, empty tag lists, skipped sources)', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = seededRandom(seed);
      const { texts, spans, coderIds } = randomComparison(random);
      expectSameFigures(bySource(texts, spans, coderIds), allAtOnce(texts, spans, coderIds));
    }
  });

  it('reuses the other sources\' parts when one source\'s spans change', () => {
    const random = seededRandom(7);
    const { texts, spans, coderIds } = randomComparison(random);
    const parts = texts.map((t) => sourceFigures(t, spans.filter((s) => s.textId === t.id), coderIds, TAG_SETS));
    const changed = texts[0]!;
    const edited = [...spans.filter((s) => s.textId !== changed.id), ...randomSpans(random, changed, coderIds, 30)];
    parts[0] = sourceFigures(changed, edited.filter((s) => s.textId === changed.id), coderIds, TAG_SETS);
    expectSameFigures(combined(parts, coderIds), allAtOnce(texts, edited, coderIds));
  });
});
