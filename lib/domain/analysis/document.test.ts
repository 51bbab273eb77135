import { describe, expect, it } from "vitest";
import { readDocument } from "./document";

describe("readDocument", () => {
  it.each([
    ["abbreviations inside sentences", "The U.S. envoy met Gen. Kaya in Washington, D.C. on Monday. Talks ended late.", 2],
    ["a question and an exclamation", "Were the prisoners freed? Nobody knows! The ministry was silent.", 3],
    ["paragraphs", "First paragraph ends here.\n\nSecond paragraph starts here.", 2],
    ["a quotation inside a sentence", "“We will not back down,” the mayor said after the vote.", 1],
    ["no text", "", 0],
  ])("splits sentences: %s", (_name, text, count) => {
    expect(readDocument(text).sentences).toHaveLength(count);
  });

  it("gives tokens whose offsets slice back to their text, across emoji and curly quotes", () => {
    const text = "🌊 The “so-called” truce — brokered in Doha — collapsed.\n\nCafé owners weren't paid.\n";
    const doc = readDocument(text);
    for (const token of doc.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    for (const sentence of doc.sentences) expect(text.slice(sentence.start, sentence.end)).not.toMatch(/^\s|\s$/);
    expect(doc.sentences.map((s) => text.slice(s.start, s.end))).toEqual(["🌊 The “so-called” truce — brokered in Doha — collapsed.", "Café owners weren't paid."]);
  });

  it.each([
    ["was", "AUX", "be"],
    ["detained", "VERB", "detain"],
    ["protesters", "NOUN", "protester"],
    ["reportedly", "ADV", "reportedly"],
  ])("tags %s as %s with lemma %s", (word, pos, lemma) => {
    const doc = readDocument("One of the protesters was reportedly detained overnight.");
    const token = doc.tokens.find((t) => t.text === word);
    expect(token?.pos).toBe(pos);
    expect(token?.lemma).toBe(lemma);
  });

  it("numbers each token's sentence", () => {
    const doc = readDocument("A storm hit. Roads closed.");
    expect(doc.tokens.filter((t) => t.type === "word").map((t) => t.sentence)).toEqual([0, 0, 0, 1, 1]);
  });
});
