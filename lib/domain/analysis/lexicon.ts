/**
 * The loaded-terms lexicon: a reviewable data file (lexicon/loaded-terms.json) of words and
 * phrases whose choice frames a story, grouped in categories that say which tags of the
 * default taxonomy they propose. Analysers take the lexicon as an argument, so a workspace can
 * supply its own edited copy; the default one ships here.
 *
 * Terms match token by token, ignoring case and inflection: a text token matches a term token
 * when their lower-cased forms or their lemmas agree ("regimes" ~ "regime", "were believed to"
 * ~ "is believed to"). Matching on lemmas too is what lets one entry cover every inflection
 * without a stemmer's false friends.
 */
import { readDocument, type AnalysedDocument, type Token } from "./document";
import type { ProposalSetName } from "./types";
import defaultLexicon from "./lexicon/loaded-terms.json";

export interface LexiconCategory {
  description: string;
  /** The tags a term of this category proposes, as set and tag names of the default taxonomy. */
  propose: { set: ProposalSetName; tag: string }[];
  /** Confidence of a proposal from this category, unless the entry sets its own. */
  confidence: number;
  /**
   * Universal part-of-speech tags the first word of its terms must have, unless the entry sets
   * its own: labels name actors, so "martyr" labels but "were martyred" (a verb) does not.
   */
  pos?: string[];
}

export interface LexiconEntry {
  /** A word or phrase as it would be written; matched ignoring case and inflection. */
  term: string;
  /** Key of a category of the same lexicon. */
  category: string;
  /** Why the term is charged, and a neutral wording where there is one. Shown in the reason. */
  note: string;
  confidence?: number;
  /** Universal part-of-speech tags the first word must have (e.g. "crime" only as a NOUN). */
  pos?: string[];
  /**
   * Words (matched as terms are) that, right after the term, make it the plain word for a fact:
   * "handout" is charged for a subsidy but not in "a handout photo", "reckless" not in "reckless driving".
   */
  notFollowedBy?: string[];
  /** Words that, right before the term, make it the plain word for a fact ("felt bloated"). */
  notPrecededBy?: string[];
}

export interface Lexicon {
  name: string;
  version: number;
  about: string;
  categories: Record<string, LexiconCategory>;
  entries: LexiconEntry[];
}

export const DEFAULT_LEXICON: Lexicon = defaultLexicon as Lexicon;

export interface LexiconMatch {
  start: number;
  end: number;
  entry: LexiconEntry;
  categoryId: string;
  category: LexiconCategory;
  confidence: number;
}

interface CompiledEntry {
  entry: LexiconEntry;
  /** Forms (lower-cased text and lemma) each term token may take. */
  tokens: Set<string>[];
  /** Forms of the words that may not come right after, or right before, the term. */
  notFollowedBy: Set<string>;
  notPrecededBy: Set<string>;
}

const compiled = new WeakMap<Lexicon, Map<string, CompiledEntry[]>>();

const isSpace = (token: Token) => token.type === "tabCRLF";

/** Entries indexed by every form of their first token; built once per lexicon object. */
function compile(lexicon: Lexicon): Map<string, CompiledEntry[]> {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  for (const entry of lexicon.entries) {
    if (!lexicon.categories[entry.category]) throw new Error(`Lexicon entry "${entry.term}" has an unknown category "${entry.category}".`);
  }
  const forms = formsOfEach(lexicon.entries.flatMap((e) => [e.term, ...(e.notFollowedBy ?? []), ...(e.notPrecededBy ?? [])]));
  let next = 0;
  const neighbours = (words: string[] = []) => new Set(words.flatMap(() => [...(forms[next++]![0] ?? [])]));
  const index = new Map<string, CompiledEntry[]>();
  for (const entry of lexicon.entries) {
    const tokens = forms[next++]!;
    if (tokens.length === 0) throw new Error("A lexicon entry has an empty term.");
    const item = { entry, tokens, notFollowedBy: neighbours(entry.notFollowedBy), notPrecededBy: neighbours(entry.notPrecededBy) };
    for (const form of tokens[0]!) index.set(form, [...(index.get(form) ?? []), item]);
  }
  compiled.set(lexicon, index);
  return index;
}

/**
 * The forms (lower-cased text, lemma, regular inflections) each word of each phrase may take.
 * The phrases are read as one text, a blank line apart, and each takes the tokens inside its
 * own stretch: one wink-nlp pass instead of one per phrase, five times faster for the default
 * list, and the same tokens and lemmas as reading each phrase alone (checked for all its terms).
 */
function formsOfEach(phrases: readonly string[]): Set<string>[][] {
  const separator = "\n\n";
  const starts: number[] = [];
  let at = 0;
  for (const phrase of phrases) {
    starts.push(at);
    at += phrase.length + separator.length;
  }
  const result: Set<string>[][] = phrases.map(() => []);
  let phrase = 0;
  for (const token of readDocument(phrases.join(separator)).tokens) {
    if (isSpace(token)) continue;
    while (phrase + 1 < starts.length && token.start >= starts[phrase + 1]!) phrase++;
    result[phrase]!.push(new Set([token.normal, token.lemma, ...inflections(token)]));
  }
  return result;
}

/**
 * Regular inflections of a word, for words the model has no lemma for ("neutralized" is not
 * lemmatised to "neutralize"): plural and third person, past, and -ing forms.
 */
function inflections(token: Token): string[] {
  if (token.type !== "word" || token.normal.length < 3) return [];
  const w = token.normal;
  const stem = w.endsWith("e") ? w.slice(0, -1) : w;
  return [`${w}s`, `${w}es`, `${stem}ed`, `${stem}ing`];
}

const matches = (token: Token | undefined, forms: Set<string>) => !!token && (forms.has(token.normal) || forms.has(token.lemma));

const HYPHEN = new Set(["-"]);
const touching = (a: Token, b: Token) => a.end === b.start;

/**
 * Where the term's words match the text from token i on, the index one past its last token.
 * A space between two words of the term also matches a hyphen joining them in the text, since
 * outlets write the same compound both ways ("fat cat", "fat-cat"); a hyphenated term still
 * needs its hyphen ("cover-up" does not match "cover up the hole").
 */
function matchTerm(tokens: readonly Token[], i: number, forms: readonly Set<string>[]): number | undefined {
  let j = i;
  for (let k = 0; k < forms.length; k++) {
    const hyphen = tokens[j];
    const joined = k > 0 && !forms[k - 1]!.has("-") && !forms[k]!.has("-") && matches(hyphen, HYPHEN) && touching(tokens[j - 1]!, hyphen!) && !!tokens[j + 1] && touching(hyphen!, tokens[j + 1]!);
    if (joined) j++;
    if (!matches(tokens[j], forms[k]!)) return undefined;
    j++;
  }
  return j;
}

/** The first token from `from` on, stepping by `step`, that is not a line break. */
function wordNear(tokens: readonly Token[], from: number, step: 1 | -1): Token | undefined {
  let k = from;
  while (tokens[k] && isSpace(tokens[k]!)) k += step;
  return tokens[k];
}

/**
 * Every occurrence of a lexicon term in the document, in text order, restricted to the given
 * categories (all when omitted). Where terms of one category overlap, the longest wins (the first listed, for equal spans).
 */
export function matchLexicon(document: AnalysedDocument, lexicon: Lexicon, categories?: readonly string[]): LexiconMatch[] {
  const index = compile(lexicon);
  const wanted = categories ? new Set(categories) : undefined;
  const found: LexiconMatch[] = [];
  const { tokens } = document;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (first.type !== "word") continue;
    const candidates = new Set([...(index.get(first.normal) ?? []), ...(index.get(first.lemma) ?? [])]);
    for (const { entry, tokens: forms, notFollowedBy, notPrecededBy } of candidates) {
      if (wanted && !wanted.has(entry.category)) continue;
      const category = lexicon.categories[entry.category]!;
      const pos = entry.pos ?? category.pos;
      if (pos && !pos.includes(first.pos)) continue;
      const end = matchTerm(tokens, i, forms);
      if (end === undefined) continue;
      const last = tokens[end - 1]!;
      if (last.sentence !== first.sentence) continue;
      const [next, previous] = [wordNear(tokens, end, 1), wordNear(tokens, i - 1, -1)];
      if ((next?.sentence === first.sentence && matches(next, notFollowedBy)) || (previous?.sentence === first.sentence && matches(previous, notPrecededBy))) continue;
      found.push({ start: first.start, end: last.end, entry, categoryId: entry.category, category, confidence: entry.confidence ?? category.confidence });
    }
  }
  return longestPerCategory(found);
}

function longestPerCategory(found: LexiconMatch[]): LexiconMatch[] {
  const inside = (a: LexiconMatch, b: LexiconMatch) => a !== b && a.categoryId === b.categoryId && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  const same = (a: LexiconMatch, b: LexiconMatch) => a.categoryId === b.categoryId && a.start === b.start && a.end === b.end;
  return found
    .filter((m, i) => !found.some((other) => inside(m, other)) && found.findIndex((other) => same(m, other)) === i)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
