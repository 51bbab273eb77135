import { describe, expect, it } from "vitest";
import { buildIdf, similarity } from "./similarity";

const KILLED = "At least 14 people were killed when the Kessel Dam collapsed on 12 March.";
const PARAPHRASE = "The Kessel dam gave way on March 12; fourteen people died, 14 according to officials.";
const UNRELATED = "Fuel prices rose again in the capital, and traders blamed a weak currency.";

describe("similarity", () => {
  it.each([
    { name: "identical", a: KILLED, b: KILLED, expected: 1 },
    { name: "same words, other case and punctuation", a: "Kessel Dam collapsed!", b: "kessel dam — collapsed", expected: 1 },
    { name: "nothing in common", a: "Dam collapsed", b: "Fuel prices rose", expected: 0 },
    { name: "empty", a: "", b: KILLED, expected: 0 },
    { name: "both empty", a: "", b: "", expected: 0 },
    { name: "only stop words, identical", a: "and then there were", b: "And then there were", expected: 1 },
  ])("$name", ({ a, b, expected }) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 6);
  });

  it("is symmetric and within [0, 1]", () => {
    const texts = [KILLED, PARAPHRASE, UNRELATED, "Qassem", "Qasem", "", "14 14 14"];
    for (const a of texts) {
      for (const b of texts) {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(similarity(b, a), 12);
      }
    }
  });

  it("ranks a paraphrase with shared names and numbers above an unrelated passage", () => {
    expect(similarity(KILLED, PARAPHRASE)).toBeGreaterThan(0.3);
    expect(similarity(KILLED, UNRELATED)).toBeLessThan(0.1);
  });

  it("gives transliteration variants of a name partial credit through trigrams", () => {
    const a = "Minister Halim Qassem blamed neglect.";
    const variant = similarity(a, "Minister Halim Qasem blamed neglect.");
    const otherName = similarity(a, "Minister Boris Lund blamed neglect.");
    expect(variant).toBeGreaterThan(otherName);
    expect(variant).toBeLessThan(1);
  });

  it("conflates inflections through stemming", () => {
    // Same stemmed content words; only the trigram channel sees the different endings.
    expect(similarity("the assassination of the envoy", "the envoy was assassinated")).toBeGreaterThan(0.9);
    expect(similarity("the assassination of the envoy", "the envoy was poisoned")).toBeLessThan(0.6);
  });

  it("with a corpus, a word found in every document counts less than a rare one", () => {
    const corpus = [
      "Port Erren mourns.",
      "Port Erren rebuilds its bridge.",
      "Port Erren market reopens.",
      "Port Erren school closes.",
      "A helicopter crashed near the coast.",
    ];
    const sharedCommon = similarity("Port Erren bridge", "Port Erren market", { corpus });
    const sharedRare = similarity("helicopter bridge", "helicopter market", { corpus });
    expect(sharedRare).toBeGreaterThan(sharedCommon);
    // The same, with an IDF table built once.
    const table = buildIdf(corpus);
    expect(similarity("Port Erren bridge", "Port Erren market", { corpus: table })).toBeCloseTo(sharedCommon, 12);
  });
});
