import { describe, expect, it } from 'vitest';
import { pooledAgreement } from './pooled';
import { tokenUnits } from './tokens';

const first = 'The strike killed the general near the airport.';
const second = 'A decisive defensive action, officials said.';
const span = (text: string, words: string, value: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, value });

describe('pooledAgreement', () => {
  it('is perfect when two coders tag the same words in every text', () => {
    const docs = [
      { units: tokenUnits(first), coders: ['a', 'b'].map((coderId) => ({ coderId, spans: [span(first, 'strike killed', 'loaded')] })) },
      { units: tokenUnits(second), coders: ['a', 'b'].map((coderId) => ({ coderId, spans: [span(second, 'decisive defensive action', 'euphemism')] })) },
    ];
    const result = pooledAgreement(['a', 'b'], docs, ['loaded', 'euphemism', 'unused']);
    expect(result.combined.alpha).toBe(1);
    expect(result.perValue.map((v) => [v.value, v.alpha, v.status])).toEqual([
      ['loaded', 1, 'ok'],
      ['euphemism', 1, 'ok'],
      ['unused', null, 'no-variation'],
    ]);
  });

  it('counts a coder who skipped a text as missing there, not as disagreeing', () => {
    const docs = [
      { units: tokenUnits(first), coders: ['a', 'b'].map((coderId) => ({ coderId, spans: [span(first, 'killed', 'loaded')] })) },
      { units: tokenUnits(second), coders: [{ coderId: 'a', spans: [span(second, 'decisive', 'euphemism')] }] },
    ];
    const result = pooledAgreement(['a', 'b'], docs, ['loaded']);
    expect(result.combined.alpha).toBe(1);
    expect(result.combined.pairableUnits).toBe(tokenUnits(first).length);
  });

  it('drops below zero when coders systematically disagree', () => {
    const docs = [
      {
        units: tokenUnits(first),
        coders: [
          { coderId: 'a', spans: [span(first, 'The strike killed the general', 'loaded')] },
          { coderId: 'b', spans: [span(first, 'near the airport', 'loaded')] },
        ],
      },
    ];
    expect(pooledAgreement(['a', 'b'], docs, []).combined.alpha).toBeLessThan(0);
  });
});
