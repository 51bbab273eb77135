/**
 * Scare quotes: a word or short phrase (at most four words) in quotation marks that is not a
 * quotation of someone. Precision first, so a pair of marks is skipped when:
 * - its sentence has a verb of saying or "according to" (the words are probably someone's);
 * - a naming verb comes right before it ("dubbed", "called", "known as"): a quoted name;
 * - every word is capitalised and it is not at the start of a sentence: a title or a name;
 * - a word like "term" or "means" follows it ("“X” is a term used by …"): the word is mentioned;
 * - it is coordinated ("and", "or", a comma) with a quote skipped as a name or a mention;
 * - it ends in a question or exclamation mark, or is a line on its own: an utterance or heading.
 */
import { sentenceTokens, type AnalysedDocument } from "../document";
import { NAMING_VERBS, SPEECH_VERBS } from "../speech";
import type { Analyser, Proposal } from "../types";

const QUOTED = [
  /“((?:[^“”\n])+?)”/gu,
  /(?<![\p{L}\p{N}])"([^"\n]+?)"/gu,
  /(?<![\p{L}\p{N}])‘((?:[^‘’\n]|’(?=\p{L}))+?)’(?!\p{L})/gu,
  /(?<![\p{L}\p{N}])'((?:[^'\n]|'(?=\p{L}))+?)'(?!\p{L})/gu,
];
const WORD = /[\p{L}\p{N}]+(?:['’\u2010\u2011-][\p{L}\p{N}]+)*/gu;
const NAMING = new Set(["called", "dubbed", "named", "titled", "entitled", "termed", "labelled", "labeled", "branded", "nicknamed", "as", "hashtag", "slogan", "chant", "chanting", "chanted", "word", "words", "phrase", "term"]);
const MAX_WORDS = 4;
/** Words right after a quote that show it is talked about as a word ("“X” is a term used by …"). */
const MENTION = new Set(["term", "word", "phrase", "expression", "mean", "refer"]);
const MENTION_WINDOW = 6;

export const scareQuotes: Analyser = {
  id: "scare-quotes",
  version: 2,
  description: "A word or phrase of up to four words in quotation marks with no speaker in its sentence, no naming verb before it, and not a title.",
  defaultOn: true,
  tags: [{ set: "Framing devices", tag: "Scare quotes" }],
  analyse(document) {
    const quotes = QUOTED.flatMap((pattern) => [...document.text.matchAll(pattern)])
      .map((m) => ({ inner: m[1]!, start: m.index, end: m.index + m[0].length }))
      .sort((a, b) => a.start - b.start);
    const proposals: Proposal[] = [];
    let named: { end: number } | undefined;
    for (const quote of quotes) {
      const { start, end } = quote;
      // "slogans such as “A” and “B”", "“A” or “B” is a term": a quote coordinated with one that
      // is a name or a mention is one too.
      const coordinated = named && /^\s*(?:,|,?\s*(?:and|or))\s*$/u.test(document.text.slice(named.end, start));
      const why = coordinated ? "naming" : skipReason(document, quote.inner, start, end);
      named = why === "naming" || why === "mention" ? { end } : undefined;
      if (why) continue;
      const marked = document.text.slice(start, end);
      proposals.push({
        start,
        end,
        set: "Framing devices",
        tag: "Scare quotes",
        confidence: 0.65,
        analyser: "scare-quotes",
        reason: `‘${marked}’ is in quotation marks with no speaker in its sentence: the marks distance the text from the words`,
      });
    }
    return proposals;
  },
};

function skipReason(document: AnalysedDocument, inner: string, start: number, end: number): string | undefined {
  const words = inner.match(WORD) ?? [];
  if (words.length === 0 || words.length > MAX_WORDS) return "length";
  // A closing comma or full stop inside the marks is the sentence's (the American style), but a
  // question, exclamation or trailing colon makes the quote an utterance.
  if (/[!?;:…]\s*$/u.test(inner)) return "utterance";
  const { text } = document;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim();
  if (line === text.slice(start, end).trim()) return "line";

  const first = document.tokens.find((t) => t.end > start);
  if (!first) return "none";
  const tokens = sentenceTokens(document, first.sentence);
  if (tokens.some((t) => ((SPEECH_VERBS.has(t.lemma) || NAMING_VERBS.has(t.lemma)) && (t.pos === "VERB" || t.pos === "AUX")) || (t.normal === "according" && t.pos !== "NOUN"))) return "speech";

  const before = tokens.filter((t) => t.end <= start && t.type === "word").at(-1);
  if (before && NAMING.has(before.normal)) return "naming";
  const after = tokens.filter((t) => t.start >= end && t.type === "word").slice(0, MENTION_WINDOW);
  if (after.some((t) => MENTION.has(t.lemma))) return "mention";
  const capitalised = words.every((w) => /^\p{Lu}/u.test(w));
  const opensSentence = !tokens.some((t) => t.end <= start && t.type === "word");
  if (capitalised && !opensSentence) return "title";
  return undefined;
}
