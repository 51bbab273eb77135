/**
 * Attribution and claims: reported speech ("X said that …", "“…,” X warned", "according to X")
 * proposed as a claim with the asserter filled in, anonymous attribution ("officials said",
 * "according to sources") flagged as such in the reason, and the credit lines of embedded
 * social posts ("— Name (@handle) date").
 *
 * The span is the sentence that carries the reported statement, attribution included (from
 * the sentence where its quotation opens, if that is earlier): the claim is what was said,
 * and the asserter is who said it. At most one proposal per sentence.
 * A verb of saying whose speaker cannot be found next to it (right before it, past adverbs
 * and auxiliaries, or right after it as in "said the minister") proposes nothing: precision
 * first. Passives of saying ("is said to", "it was reported") are the hedging analyser's.
 */
import { sentenceTokens, type AnalysedDocument, type Token } from "../document";
import { REPORTING_VERBS, UNNAMED_SOURCES } from "../speech";
import type { Analyser, Proposal } from "../types";

const NOUN_PHRASE = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM"]);
const HEADS = new Set(["PROPN", "NOUN", "PRON"]);
const SKIPPABLE = new Set(["ADV", "AUX", "PART"]);
const CLOSING_QUOTES = new Set(["”", '"', "’", "'"]);
const FUNCTION_WORDS = new Set(["ADP", "CCONJ", "SCONJ", "AUX", "PART"]);
/** Pronouns that stand for one person, whose name may be found a few sentences back. */
const PERSONAL = new Set(["he", "she"]);
const LOOK_BACK_SENTENCES = 3;
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
/** Pronoun subjects that are not a speaker at all ("what it said", "which said"). */
const NOT_SPEAKERS = new Set(["it", "which", "that", "what", "who", "this", "nothing", "something", "everything", "anything"]);

interface Speaker {
  tokens: Token[];
  /** The words of the attribution itself, e.g. "officials said" or "according to sources". */
  cue: string;
}

export const attribution: Analyser = {
  id: "attribution",
  version: 3,
  description: "Reported speech (\"X said that …\", \"according to X\") proposed as a claim with its asserter; unnamed sources (\"officials said\") flagged.",
  defaultOn: true,
  tags: [{ set: "Framing devices", tag: "Attribution" }],
  analyse(document) {
    const proposals: Proposal[] = [];
    for (const sentence of document.sentences) {
      const tokens = sentenceTokens(document, sentence.index);
      const speaker = accordingTo(document, tokens) ?? speechVerbSpeaker(document, tokens);
      if (!speaker) continue;
      const written = document.text.slice(speaker.tokens[0]!.start, speaker.tokens.at(-1)!.end);
      const head = speaker.tokens.at(-1)!;
      const unnamed = isUnnamed(head);
      const pronoun = PRONOUNS.has(head.normal) && speaker.tokens.length === 1;
      const named = pronoun && PERSONAL.has(head.normal) ? lastNamedPerson(document, head) : undefined;
      const asserter = named ?? written;
      proposals.push({
        start: quotationStart(document, sentence.index, proposals.at(-1)?.end ?? 0),
        end: sentence.end,
        set: "Framing devices",
        tag: "Attribution",
        confidence: unnamed ? 0.8 : pronoun ? 0.65 : 0.75,
        analyser: "attribution",
        reason: unnamed
          ? `anonymous attribution: ‘${speaker.cue}’ names no one who can be checked`
          : named
            ? `reported speech: ‘${speaker.cue}’, ‘${written}’ taken to be ${named}, the last person named before it (check)`
            : `reported speech: ‘${speaker.cue}’ credits the statement to ${asserter}${pronoun ? " (a pronoun: say who in the claim)" : ""}`,
        claim: { asserter },
      });
    }
    for (const line of creditLines(document)) {
      proposals.push({
        start: line.start,
        end: line.end,
        set: "Framing devices",
        tag: "Attribution",
        confidence: 0.75,
        analyser: "attribution",
        reason: `social post: the credit line ‘${line.credit}’ attributes the post to ${line.name}`,
        claim: { asserter: line.name },
      });
    }
    return proposals.sort((a, b) => a.start - b.start);
  },
};

const DASHES = new Set(["—", "–", "―", "-"]);
const MAX_NAME_WORDS = 6;
/** Words of the date after a credit line's handle ("January 3, 2021"). */
const isDatePart = (t: Token) => t.type === "number" || t.normal === "," || (t.pos === "PROPN" && t.type === "word");
const MAX_DATE_TOKENS = 5;

/**
 * The credit line of a social post embedded in an article, "— Name (@handle) January 3, 2021",
 * which is what attributes the post: a dash, up to six words of name, the handle in
 * parentheses and the date after it.
 */
function creditLines(document: AnalysedDocument): { start: number; end: number; name: string; credit: string }[] {
  const { tokens, text } = document;
  const lines: { start: number; end: number; name: string; credit: string }[] = [];
  tokens.forEach((handle, i) => {
    if (handle.type !== "mention" || tokens[i - 1]?.normal !== "(" || tokens[i + 1]?.normal !== ")") return;
    let k = i - 2;
    while (k >= 0 && i - 2 - k < MAX_NAME_WORDS && tokens[k]!.type === "word") k--;
    const dash = tokens[k];
    if (!dash || !DASHES.has(dash.text) || k === i - 2) return;
    let last = i + 1;
    while (last - i - 1 < MAX_DATE_TOKENS && tokens[last + 1] && isDatePart(tokens[last + 1]!)) last++;
    if (tokens[last]!.normal === ",") last--;
    lines.push({ start: dash.start, end: tokens[last]!.end, name: text.slice(tokens[k + 1]!.start, tokens[i - 2]!.end), credit: text.slice(dash.start, tokens[i + 1]!.end) });
  });
  return lines;
}

/** Sentences back a quotation may have opened in ("“A. B. C,” she said."). */
const QUOTATION_SENTENCES = 3;
const AFTER_CLOSING = /[.,!?…—-]/u;

/** The quotation mark at `at` closes a quotation: a right double quote, or a straight one after the quotation's last punctuation. */
const closes = (text: string, at: number) => text[at] === "”" || (text[at] === '"' && AFTER_CLOSING.test(text[at - 1] ?? ""));

/**
 * Where the sentence's proposal starts: the sentence itself, or, when the sentence opens
 * inside a quotation begun in an earlier sentence of the same paragraph ("“The gates failed.
 * Nobody came,” she said."), that earlier sentence, so the quotation and its attribution are
 * one span. Never before `notBefore`, the end of the previous proposal.
 */
function quotationStart(document: AnalysedDocument, index: number, notBefore: number): number {
  const { text, sentences } = document;
  const sentence = sentences[index]!;
  const first = text.slice(sentence.start, sentence.end).search(/["“”]/u);
  if (first < 0 || !closes(text, sentence.start + first)) return sentence.start;
  for (let j = index - 1; j >= Math.max(0, index - QUOTATION_SENTENCES); j--) {
    const earlier = sentences[j]!;
    if (earlier.start < notBefore || text.slice(earlier.end, sentences[j + 1]!.start).includes("\n")) break;
    const marks = [...text.slice(earlier.start, earlier.end).matchAll(/["“”]/gu)].map((m) => earlier.start + m.index);
    if (marks.length === 0) continue;
    const last = marks.at(-1)!;
    return marks.length % 2 === 1 && !closes(text, last) ? earlier.start : sentence.start;
  }
  return sentence.start;
}

/**
 * For "he said" or "she said": the last full name (two or more proper nouns in a row, e.g.
 * "Masoud Pezeshkian") in the same paragraph before the pronoun, within three sentences. A
 * guess a reader makes too, shown as one in the reason; none when no such name is near.
 */
function lastNamedPerson(document: AnalysedDocument, pronoun: Token): string | undefined {
  const earliest = Math.max(0, pronoun.sentence - LOOK_BACK_SENTENCES);
  for (let i = pronoun.index - 1; i > 0; i--) {
    const token = document.tokens[i]!;
    if (token.sentence < earliest || (token.type === "tabCRLF" && token.text.includes("\n"))) return undefined;
    if (token.pos !== "PROPN" || document.tokens[i - 1]!.pos !== "PROPN") continue;
    let first = i - 1;
    while (first > 0 && document.tokens[first - 1]!.pos === "PROPN") first--;
    return document.text.slice(document.tokens[first]!.start, token.end);
  }
  return undefined;
}

/** A source that names no one, however modified ("senior US officials", "sources"). */
function isUnnamed(head: Token): boolean {
  return UNNAMED_SOURCES.has(head.lemma) || UNNAMED_SOURCES.has(head.normal.replace(/s$/, ""));
}

/** "according to X": X is the noun phrase after it. */
function accordingTo(document: AnalysedDocument, tokens: Token[]): Speaker | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.normal !== "according" || tokens[i + 1]!.normal !== "to") continue;
    const phrase = nounPhraseAfter(tokens, i + 2);
    if (!phrase.length) phrase.push(...wordsAfter(tokens, i + 2));
    if (phrase.length) return { tokens: phrase, cue: document.text.slice(tokens[i]!.start, phrase.at(-1)!.end) };
  }
  return undefined;
}

/**
 * The words up to the next punctuation or function word: the fallback when the tagger got
 * the noun phrase after "according to" wrong (it has tagged a final "sources" as a verb).
 */
function wordsAfter(tokens: Token[], i: number): Token[] {
  const words: Token[] = [];
  for (let j = i; j < tokens.length && words.length < 6; j++) {
    const t = tokens[j]!;
    if (t.type !== "word" || FUNCTION_WORDS.has(t.pos)) break;
    words.push(t);
  }
  return words;
}

/** "quoted as saying", "cited as saying". */
const QUOTING = new Set(["quote", "cite"]);

/** Words after "call" that make it a demand ("called for calm", "called on the army to"), not a naming. */
const DEMAND = new Set(["for", "on", "upon"]);

/** A verb of saying, or "call" as a demand. */
const isSaying = (verb: Token, next: Token | undefined) => REPORTING_VERBS.has(verb.lemma) || (verb.lemma === "call" && !!next && DEMAND.has(next.normal));

function speechVerbSpeaker(document: AnalysedDocument, tokens: Token[]): Speaker | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokens[i]!;
    if (verb.pos !== "VERB" || !isSaying(verb, tokens[i + 1])) continue;
    const previous = tokens[i - 1];
    // "to say" (an infinitive) and "is said", "was reported" (passives) name no speaker here.
    if (previous?.normal === "to") continue;
    if (previousNonAdverb(tokens, i)?.lemma === "be") continue;
    // "X was quoted as saying": the speaker is before the passive of quoting.
    if (previous?.normal === "as" && tokens[i - 2] && QUOTING.has(tokens[i - 2]!.lemma)) {
      const quoted = nounPhraseBefore(tokens, i - 2);
      if (quoted.length) return { tokens: quoted, cue: document.text.slice(quoted[0]!.start, verb.end) };
      continue;
    }
    const before = nounPhraseBefore(tokens, i);
    const phrase = before.length ? before : inverted(tokens, i) ? nounPhraseAfter(tokens, i + 1) : speakerBeforeInsertion(tokens, i);
    if (!phrase.length) continue;
    if (phrase.length === 1 && NOT_SPEAKERS.has(phrase[0]!.normal)) continue;
    const from = Math.min(phrase[0]!.start, verb.start);
    const to = Math.max(phrase.at(-1)!.end, verb.end);
    return { tokens: phrase, cue: document.text.slice(from, to) };
  }
  return undefined;
}

/**
 * Whether the verb is in an inverted attribution, "“…,” said the minister.": right after a
 * quotation's closing comma (or a comma), with only its speaker between it and the end of the
 * clause. Without these checks "“experts” said two fishermen were killed" would credit the
 * fishermen.
 */
function inverted(tokens: Token[], i: number): boolean {
  const previous = tokens[i - 1]?.normal ?? "";
  const beforeThat = tokens[i - 2]?.normal ?? "";
  const afterQuote = CLOSING_QUOTES.has(previous) && [",", "?", "!"].includes(beforeThat);
  if (previous !== "," && !afterQuote) return false;
  const phrase = nounPhraseAfter(tokens, i + 1);
  const next = tokens[i + 1 + phrase.length];
  // The speaker ends the clause, or a place or time follows it ("said the mayor on Monday").
  return phrase.length > 0 && (!next || [".", ",", ";", "!", "?", "—"].includes(next.normal) || next.pos === "ADP");
}

/** Longest insertion between a speaker and the verb ("X, who led the city for a decade, said"). */
const MAX_INSERTION = 15;
const INSERTION_BREAKS = new Set([",", ";", ":", "(", ")", "—", "“", "”", '"', "‘", "’"]);

/**
 * The speaker of "X, who …, said", "X, speaking on Monday, said", "X, in a statement, said" or
 * "X, the port's owner, said": the noun phrase before a comma-enclosed insertion that is a
 * relative clause, a participle, a prepositional phrase or an appositive. None when the insertion holds other punctuation or quotation
 * marks (then the commas are more likely a list or a quotation's).
 */
function speakerBeforeInsertion(tokens: Token[], i: number): Token[] {
  let close = i - 1;
  while (close >= 0 && SKIPPABLE.has(tokens[close]!.pos)) close--;
  if (tokens[close]?.normal !== ",") return [];
  let open = close - 1;
  while (open >= 0 && close - open <= MAX_INSERTION && !INSERTION_BREAKS.has(tokens[open]!.normal)) open--;
  const first = tokens[open + 1];
  if (tokens[open]?.normal !== "," || !first || open + 1 === close) return [];
  const insertion = first.normal === "who" || first.pos === "VERB" || first.pos === "ADP" || NOUN_PHRASE.has(first.pos);
  return insertion ? nounPhraseBefore(tokens, open) : [];
}

function previousNonAdverb(tokens: Token[], i: number): Token | undefined {
  let k = i - 1;
  while (k >= 0 && (tokens[k]!.pos === "ADV" || tokens[k]!.pos === "PART")) k--;
  return tokens[k];
}

/** The noun phrase ending right before token i, past adverbs and auxiliaries ("has also said"). */
function nounPhraseBefore(tokens: Token[], i: number): Token[] {
  let k = i - 1;
  while (k >= 0 && SKIPPABLE.has(tokens[k]!.pos)) k--;
  const head = tokens[k];
  if (!head || !HEADS.has(head.pos)) return [];
  if (head.pos === "PRON") return [head];
  const phrase = [head];
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j]!;
    const possessive = t.normal === "'s" || t.normal === "’s";
    if (NOUN_PHRASE.has(t.pos) || possessive || (t.normal === "-" && phrase[0]!.start === t.end)) phrase.unshift(t);
    else break;
  }
  while (phrase[0] && phrase[0].pos === "DET" && phrase.length > 1 && phrase[0].normal !== "the") phrase.shift();
  return phrase;
}

/** The noun phrase starting at token i ("the Pentagon", "Iran's foreign minister"), or none. */
function nounPhraseAfter(tokens: Token[], i: number): Token[] {
  const phrase: Token[] = [];
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    const possessive = t.normal === "'s" || t.normal === "’s";
    const joiner = (t.normal === "of" || t.normal === "-") && phrase.length > 0 && HEADS.has(tokens[j + 1]?.pos ?? "");
    if (NOUN_PHRASE.has(t.pos) || t.pos === "PRON" || possessive || joiner) phrase.push(t);
    else break;
    if (t.pos === "PRON") break;
  }
  while (phrase.length && !HEADS.has(phrase.at(-1)!.pos)) phrase.pop();
  return phrase;
}
