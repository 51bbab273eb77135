import { describe, expect, it } from 'vitest';
import { agreementChanges, type AgreementFigures } from './changes';

const figures = (over: { alpha?: number | null; alphaU?: number | null; open?: number; tagAlphaU?: number | null } = {}): AgreementFigures => ({
  sets: [
    {
      id: 's1',
      name: 'Framing devices',
      alpha: over.alpha === undefined ? 0.41 : over.alpha,
      alphaU: over.alphaU === undefined ? 0.52 : over.alphaU,
      open: over.open ?? 3,
      tags: [{ id: 't1', name: 'Loaded language', alpha: 0.6, alphaU: over.tagAlphaU === undefined ? 0.7 : over.tagAlphaU }],
    },
  ],
});

describe('agreementChanges', () => {
  it.each([
    ['nothing changed', figures(), []],
    ['float noise below the shown precision', figures({ alphaU: 0.52 + 1e-9 }), []],
    ['a disagreement settled', figures({ open: 2 }), [{ set: 'Framing devices', tag: null, measure: 'open', before: 3, after: 2 }]],
    [
      'a set figure and a tag figure moved',
      figures({ alpha: 0.45, tagAlphaU: 0.8 }),
      [
        { set: 'Framing devices', tag: null, measure: 'alpha', before: 0.41, after: 0.45 },
        { set: 'Framing devices', tag: 'Loaded language', measure: 'alphaU', before: 0.7, after: 0.8 },
      ],
    ],
    ['a figure became not measurable', figures({ alphaU: null }), [{ set: 'Framing devices', tag: null, measure: 'alphaU', before: 0.52, after: null }]],
  ])('%s', (_name, after, expected) => {
    expect(agreementChanges(figures(), after)).toEqual(expected);
  });

  it('reports a new tag as changed from not measurable, and forgets a removed one', () => {
    const after = figures();
    after.sets[0]!.tags.push({ id: 't2', name: 'Euphemism', alpha: 0.25, alphaU: null });
    expect(agreementChanges(figures(), after)).toEqual([{ set: 'Framing devices', tag: 'Euphemism', measure: 'alpha', before: null, after: 0.25 }]);
    expect(agreementChanges(after, figures())).toEqual([]);
  });
});
