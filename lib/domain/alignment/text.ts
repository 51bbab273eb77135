/**
 * Text normalisation shared by sentence splitting, similarity and quotation matching.
 *
 * Kept separate from the diff tokeniser on purpose: the diff must preserve every
 * character, while matching wants the opposite, a lossy key per word (case, accents and
 * apostrophe style folded away, light stemming, stop words dropped).
 */

import { wordsOf } from "../text/words";

export interface WordToken {
  /** Folded form: lower case, accents removed, apostrophes unified to "'". */
  norm: string;
  start: number;
  end: number;
}


/** Case, accents (NFKD + drop combining marks), apostrophe style and joiners folded away. */
export function fold(word: string): string {
  // Plain ASCII letters and digits (most words of English news) need no Unicode work.
  if (/^[A-Za-z0-9]+$/.test(word)) return word.toLowerCase();
  return word
    .normalize("NFKD")
    .replace(/[\p{M}\u200c\u200d]/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/**
 * Words of a text with offsets into the original string, as ../text/words.ts segments them
 * (Intl.Segmenter, so Chinese and Thai passages have words to match and compare too).
 */
export function wordTokens(text: string, language?: string | null): WordToken[] {
  const out: WordToken[] = [];
  for (const word of wordsOf(text, { language })) {
    const norm = fold(word.text);
    if (norm) out.push({ norm, start: word.start, end: word.end });
  }
  return out;
}

/**
 * English function words plus reporting verbs ("said", "says", "told") that every news
 * passage contains. Number words and "may" are kept on purpose: "two bases", "3 May" are
 * facts. Without a corpus to compute IDF from, these would otherwise dominate
 * the overlap of short passages.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being below " +
    "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each " +
    "few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself " +
    "him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't " +
    "my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd " +
    "she'll she's should shouldn't so some such than that that's the their theirs them themselves then there " +
    "there's these they they'd they'll they're they've this those through to too under until up very was wasn't we " +
    "we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's " +
    "with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves " +
    "said says say saying told tell according just will might must shall also per via mr mrs ms"
  ).split(/\s+/),
);

/**
 * Light suffix stripping, enough to conflate the inflections that matter when two
 * outlets describe one fact: plural and possessive (strikes, Iraq's), verb forms
 * (killed/killing/kills), and -ation nominalisations (assassination/assassinated). It
 * deliberately does not go as far as Porter: over-stemming merges unrelated words, and the
 * character-trigram channel of similarity() already covers near-spellings.
 */
const SUFFIXES: readonly (readonly [string, string, number])[] = [
  ["ational", "ate", 3],
  ["ation", "ate", 3],
  ["ingly", "", 3],
  ["edly", "", 3],
  ["ing", "", 3],
  ["ed", "", 3],
  ["ly", "", 4],
  ["ness", "", 3],
  ["ment", "", 4],
];

export function stem(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= 3 || /\d/.test(w)) return w;

  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  // Longest, most specific suffixes first; at most one is stripped. The base must keep a
  // vowel and a minimum length, so "need" and "early" survive.
  for (const [suffix, replacement, minStem] of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (base.length >= minStem && /[aeiouy]/.test(base)) {
      w = base + replacement;
      break;
    }
  }
  // stopp(ed) -> stop, but keep kill, press, buzz.
  if (/([bdfgkmnprt])\1$/.test(w)) w = w.slice(0, -1);
  // strike/striking, assassinate/assassination: drop a final silent "e".
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

export function isContentWord(norm: string): boolean {
  if (STOP_WORDS.has(norm)) return false;
  // Single letters are noise (initials, list markers); single digits are not (dates).
  return norm.length > 1 || /\d/.test(norm);
}

/** Stemmed content words of a text, in order (repeats kept: they are term frequencies). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of wordTokens(text)) if (isContentWord(t.norm)) out.push(stem(t.norm));
  return out;
}

/**
 * Character trigrams of the content words, each word padded with a space on both sides,
 * as numeric keys (three UTF-16 code units packed into one safe integer: cheaper to hash
 * and store than 3-character strings).
 */
export function trigramKeys(text: string): number[] {
  const out: number[] = [];
  for (const t of wordTokens(text)) {
    if (!isContentWord(t.norm)) continue;
    const w = ` ${t.norm.replace(/'/g, "")} `;
    for (let i = 0; i + 3 <= w.length; i++) {
      out.push(w.charCodeAt(i) * 4294967296 + w.charCodeAt(i + 1) * 65536 + w.charCodeAt(i + 2));
    }
  }
  return out;
}

export function countMap<T>(items: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const it of items) m.set(it, (m.get(it) ?? 0) + 1);
  return m;
}
