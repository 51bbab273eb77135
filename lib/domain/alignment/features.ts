import lemmatizer from "wink-lemmatizer";
import { nameKey } from "./names";
import { dateFeatures, isOrdinal, numberValue } from "./numbers";
import type { Span } from "./sentences";
import { synonymClass } from "./synonyms";
import type { WordToken } from "./text";
import { isContentWord, stem, STOP_WORDS, wordTokens } from "./text";
import { verbSynonymClasses } from "./wordnet";

/**
 * Matching features of passages: the keys two passages must share to count as saying the
 * same thing, with weights (align-all multiplies them by IDF over the comparison).
 *
 * - "w:" the lemma (wink-lemmatizer: WordNet's exception lists, so "struck" -> "strike",
 *   "children" -> "child"), a nominalisation's verb when WordNet has it (derivationBase:
 *   "closure" -> "close", "removal" -> "remove"), then light stemming (text.ts) to join
 *   derivations ("assassination" / "assassinate").
 * - "s:" the curated synonym class of the lemma (synonyms.ts) and "v:" the WordNet verb
 *   classes (wordnet.ts), at reduced weight: a synonym is evidence, a repeated word more.
 * - "n:" numbers, number words and ordinals as values ("five", "5", "5th" -> n:5);
 *   "d:" day and month of a date in any common format, its year as a number.
 * - "nm:" names as transliteration-proof keys (names.ts), "ng:" given names; a surname
 *   alone gets the features of the full name it stands for in the same source, and "the
 *   general" those of the name that source introduced with that title. "t:" the title.
 */
export const SYNONYM_WEIGHT = 0.5;
/** Shared by all the WordNet classes of one word. */
export const WORDNET_WEIGHT = 0.5;

export const GIVEN_NAME_WEIGHT = 0.3;
/** A passage opening with one of these is about the person last named in its source. */
const PRONOUNS = new Set(["he", "his", "him", "she", "her"]);

/**
 * Whether a passage is prose: it has a function word, or ends like a sentence and has at
 * least three words of letters ("Fish prices rose sharply."). Keyword lines, datelines and
 * credits ("Middle East, drone strike, Iran", "15:32 GMT 03 January", "Iraq, 2 January
 * 2021.") state no fact and are never aligned.
 */
export function isProse(text: string): boolean {
  if (FUNCTION_WORD_RE.test(text)) return true;
  return /[.!?…]["'”’)]*$/u.test(text.trim()) && (text.match(/(?<![\p{L}\p{N}])\p{L}+(?![\p{L}\p{N}])/gu) ?? []).length >= 3;
}
/**
 * Whether a passage is a heading: a line of its own that does not end like a sentence
 * (a title, a subheading). Headings repeat the story's facts in a few words, and aligned
 * they would take the place of the sentence that tells the fact.
 */
export function isHeading(text: string, span: Span): boolean {
  const body = text.slice(span.start, span.end).trim();
  if (/[.!?…:;]["'”’)]*$/u.test(body)) return false;
  const before = text.lastIndexOf("\n", span.start - 1);
  const after = text.indexOf("\n", span.end);
  return /^\s*$/u.test(text.slice(before + 1, span.start)) && /^\s*$/u.test(text.slice(span.end, after < 0 ? text.length : after));
}

const FUNCTION_WORD_RE = new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${[...STOP_WORDS].filter((w) => !w.includes("'")).join("|")})(?![\\p{L}\\p{N}])`, "u");

/** Words that introduce a person by role and are later used alone ("the general"). */
const TITLES = new Set(["general", "commander", "president", "leader", "minister", "ayatollah", "chief", "sheikh"]);
const TITLE_ABBREVIATIONS: Record<string, string> = { gen: "general", cmdr: "commander", pres: "president" };
const title = (norm: string) => TITLE_ABBREVIATIONS[norm] ?? (TITLES.has(norm) ? norm : undefined);
/** The country the US is, however written: "US", "U.S.", "USA", "United States (of America)". */
const US_RE = /\b(?:U\.S\.A?\.?|USA|US|United States(?: of America)?)(?![\p{L}])/gu;
/** Whether a text names the US (US_RE): a name, though its feature is the word "america" (wordFeatures), not a name key. */
export const namesTheUS = (text: string) => text.includes("U") && new RegExp(US_RE.source, "u").test(text);
/**
 * Common nouns that end place and organisation names ("Kessel Dam", "Baghdad
 * International Airport", "Quds Force"). They stay words, not name keys: outlets
 * capitalise them inconsistently ("the Kessel dam"), and the name is the word before.
 */
const GENERIC_NOUNS = new Set(
  ("dam airport force forces province city river bridge university party army ministry council square street " +
    "mosque hospital guard guards corps state units unit base port mountain lake valley cemetery shrine")
    .split(" "),
);
/** Name particles: part of a name run, but no feature of their own. */
const PARTICLES = new Set(["al", "el", "bin", "ibn", "de", "van", "von"]);
const MONTH_OR_DAY =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

const lemmaCache = new Map<string, string>();

/** Base form of a folded word: verb reading first, then noun, then adjective. */
export function lemma(word: string): string {
  let out = lemmaCache.get(word);
  if (out === undefined) {
    out = word;
    if (/^[a-z]+$/.test(word)) {
      for (const f of [lemmatizer.verb, lemmatizer.noun, lemmatizer.adjective]) {
        const l = f(word);
        if (l !== word) {
          out = l;
          break;
        }
      }
    }
    lemmaCache.set(word, out);
  }
  return out;
}

const wordCache = new Map<string, readonly (readonly [string, number])[]>();

/** Feature weights of one word that is not a name, number or date, added to `into`. */
export function wordFeatures(norm: string, into: Map<string, number> = new Map()): Map<string, number> {
  let features = wordCache.get(norm);
  if (!features) {
    features = [...computeWordFeatures(norm)];
    wordCache.set(norm, features);
  }
  for (const [f, w] of features) add(into, f, w);
  return into;
}

function computeWordFeatures(norm: string): Map<string, number> {
  const into = new Map<string, number>();
  const lemmaOf = compoundHead(agentBase(lemma(norm)));
  const derived = derivationBase(lemmaOf);
  const l = derived ?? lemmaOf;
  add(into, `w:${stem(l)}`, 1);
  const cls = synonymClass(l) ?? synonymClass(norm);
  if (cls) add(into, `s:${cls}`, SYNONYM_WEIGHT);
  // WordNet only where the word is surely a verb (an inflected verb form) or a verb's
  // -ation noun: the verb senses of nouns ("drone": to buzz) would only add noise.
  const verb =
    lemmatizer.verb(norm) !== norm ? verbSynonymClasses(l) : lemmaOf.endsWith("ation") ? verbSynonymClasses(`${lemmaOf.slice(0, -5)}ate`) : [];
  for (const v of verb) add(into, `v:${v}`, WORDNET_WEIGHT / verb.length);
  return into;
}

/**
 * The verb of an agent noun, when it is one ("rescuer" -> "rescue", "mourner" -> "mourn",
 * "protester" -> "protest"): who did it and what was done are one fact's words.
 */
function agentBase(l: string): string {
  if (!/^[a-z]{5,}(?:er|or)$/.test(l)) return l;
  const base = l.slice(0, -2);
  for (const candidate of [base, `${base}e`, base.replace(/(.)\1$/, "$1")]) {
    if (candidate.length >= 3 && verbSynonymClasses(candidate).length > 0) return candidate;
  }
  return l;
}

/**
 * Nominalisation suffixes and what replaces them to give the verb, tried in order
 * ("closure" -> "close", "evacuation" -> "evacuate", "inspection" -> "inspect", "removal" ->
 * "remove", "injury" -> "injure", "suspension" -> "suspend").
 */
const NOMINAL_SUFFIXES: readonly (readonly [string, readonly string[]])[] = [
  ["ation", ["ate", "", "e"]],
  ["ition", ["e"]],
  ["nsion", ["nd"]],
  ["ssion", ["ss"]],
  ["sion", ["de"]],
  ["tion", ["t", "te"]],
  ["ment", [""]],
  ["ure", ["e", ""]],
  ["ial", ["y"]],
  ["val", ["ve"]],
  ["sal", ["se"]],
  ["ury", ["ure"]],
  ["iry", ["ire"]],
  ["ery", ["er"]],
];
/** Nouns that only look derived from a verb ("department" is not departing). */
const NOT_DERIVED = new Set(["apartment", "battery", "creature", "department", "manure", "mission", "nation", "notion", "passion", "pension", "portion", "position", "posture", "pottery", "question", "ration", "situation", "station", "tension", "texture", "tradition", "vacation"]);

/**
 * The verb a noun is formed from, when the candidate is a
 * WordNet verb (nouns that are verbs too, like "closure", included): "closure" and "closed"
 * are one act's words. Null when there is none.
 */
export function derivationBase(l: string): string | null {
  if (l.length < 6 || NOT_DERIVED.has(l)) return null;
  for (const [suffix, replacements] of NOMINAL_SUFFIXES) {
    if (!l.endsWith(suffix)) continue;
    const base = l.slice(0, -suffix.length);
    for (const r of replacements) {
      const candidate = base + r;
      if (candidate.length >= 3 && verbSynonymClasses(candidate).length > 0) return candidate;
    }
    return null;
  }
  return null;
}

/** "airstrike" -> "strike", "airraid" -> "raid": an air- compound counts as its head word. */
function compoundHead(l: string): string {
  const head = l.startsWith("air") ? l.slice(3) : "";
  return head.length >= 4 && synonymClass(head) ? head : l;
}

interface Token {
  norm: string;
  start: number;
  end: number;
  name: boolean;
}

/** Words before a name that make it a place rather than a person ("in Baghdad"). */
const PLACE_PREPOSITIONS = new Set(["in", "at", "from", "to", "near", "into", "across", "outside", "inside", "toward", "towards"]);

/**
 * Features of each passage (span) of one source. Name handling looks at the whole source:
 * a capitalised word is a name when the source never uses it in lower case, and
 * surnames and titles are resolved against the full names the source introduces.
 */
export function sourceFeatures(text: string, units: readonly Span[]): Map<string, number>[] {
  return prepareSource(text)(units);
}

/**
 * The source-wide work of sourceFeatures (tokens, which words are names, full names and
 * titles) done once; the function returned gives the features of any list of spans, in
 * order (pronouns refer back within that list).
 */
export function prepareSource(text: string): (units: readonly Span[]) => Map<string, number>[] {
  const all = wordTokens(text);
  const upper = all.map((t) => isUpper(text, t.start));
  const initial = all.map((t) => startsSentence(text, t.start));
  const lowerSeen = new Set<string>();
  const capitalInside = new Set<string>();
  all.forEach((t, i) => {
    if (!upper[i]) lowerSeen.add(withoutPossessive(t.norm));
    else if (!initial[i]) capitalInside.add(withoutPossessive(t.norm));
  });
  // A capitalised word is a name when the source never writes it in lower case, and, at
  // the start of a sentence, only when the source also capitalises it elsewhere (a
  // possessive is the same word: "Marrowby's" at the start, "in Marrowby" inside).
  const isName = (t: { norm: string }, i: number) =>
    upper[i] &&
    (!initial[i] || capitalInside.has(withoutPossessive(t.norm))) &&
    !lowerSeen.has(withoutPossessive(t.norm)) &&
    isContentWord(t.norm) &&
    !title(t.norm) &&
    !GENERIC_NOUNS.has(t.norm) &&
    !MONTH_OR_DAY.test(t.norm) &&
    !/\d/.test(t.norm);
  const tokens: Token[] = all.map((t, i) => ({ ...t, name: isName(t, i) || (PARTICLES.has(t.norm) && upper[i] === true) }));
  // A capital directly before a name is the name's first word: at the start of a sentence
  // ("Qasem Halabi visited…"), and inside one even when the source writes the word in lower
  // case elsewhere ("the Transport Safety Board" beside "transport costs"), so that every
  // outlet keys a many-word name alike.
  for (let i = tokens.length - 2; i >= 0; i--) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (t.name || !upper[i] || !next.name || !/^ +$/.test(text.slice(t.end, next.start)) || !isContentWord(t.norm) || title(t.norm)) continue;
    if (initial[i] || (!GENERIC_NOUNS.has(t.norm) && !MONTH_OR_DAY.test(t.norm) && !/\d/.test(t.norm))) t.name = true;
  }

  const index = new Map<Token, number>(tokens.map((t, i) => [t, i]));
  // Name runs of the whole source, with the title word just before them, if any.
  const fullNames = new Map<string, string[]>();
  const titled = new Map<string, string[]>();
  for (const run of nameRuns(tokens, text)) {
    const keys = run.filter((t) => !PARTICLES.has(t.norm)).map((t) => nameKey(t.norm));
    if (keys.length >= 2) {
      const last = keys[keys.length - 1] as string;
      if (!fullNames.has(last)) fullNames.set(last, keys);
    }
    const before = tokens[index.get(run[0] as Token) as number - 1];
    const role = before && title(before.norm);
    if (role && keys.length >= 1 && !titled.has(role)) titled.set(role, keys);
  }

  return (units) => {
    let lastPerson: string[] | null = null;
    let cursor = 0;
    return units.map((u) => {
      const out = new Map<string, number>();
      const unitText = text.slice(u.start, u.end);
      const dates = dateFeatures(unitText);
      for (const [f, w] of dates.features) add(out, f, w);
      for (const m of unitText.includes("U") ? unitText.matchAll(US_RE) : []) {
        dates.consumed.push({ start: m.index, end: m.index + m[0].length });
        wordFeatures("america", out);
      }
      const consumed = (t: Token) => dates.consumed.some((c) => t.start - u.start < c.end && c.start < t.end - u.start);
      while (cursor > 0 && (tokens[cursor - 1] as Token).end > u.start) cursor--;
      while (cursor < tokens.length && (tokens[cursor] as Token).start < u.start) cursor++;
      const unitTokens: Token[] = [];
      for (let i = cursor; i < tokens.length && (tokens[i] as Token).start < u.end; i++) {
        const t = tokens[i] as Token;
        if (t.end <= u.end && !consumed(t)) unitTokens.push(t);
      }

      const first = unitTokens[0];
      if (first && PRONOUNS.has(first.norm) && lastPerson) addPerson(out, lastPerson);
      for (const run of nameRuns(unitTokens, text)) {
        const keys = run.filter((t) => !PARTICLES.has(t.norm)).map((t) => nameKey(t.norm));
        const full = keys.length === 1 ? fullNames.get(keys[0] as string) : keys;
        addPerson(out, full ?? keys);
        const before = tokens[(index.get(run[0] as Token) as number) - 1];
        // A pronoun refers back to a person: someone named in full (or by the surname of a
        // full name) or with a title, not a one-word place or country ("opposing Israel").
        const person = full ?? keys;
        const titledRun = before !== undefined && title(before.norm) !== undefined;
        if ((!before || !PLACE_PREPOSITIONS.has(before.norm)) && (person.length >= 2 || titledRun)) lastPerson = person;
      }
      for (let i = 0; i < unitTokens.length; i++) {
        const t = unitTokens[i] as Token;
        if (t.name) continue;
        const number = readNumber(unitTokens, i);
        // "one of the most prominent…" is a pronoun, not a count.
        if (number && !(t.norm === "one" && unitTokens[i + 1]?.norm === "of")) {
          add(out, `n:${number.value}`, 1);
          i += number.tokens - 1;
          continue;
        }
        if (!isContentWord(t.norm)) continue;
        const next = unitTokens[i + 1];
        const prev = unitTokens[i - 1];
        const role = title(t.norm);
        // A title word right after a name ends the name of a place ("Kelbrook General", a
        // hospital), keyed by the word before, as generic nouns are: no person's title.
        if (role && prev?.name && /^ +$/.test(text.slice(prev.end, t.start))) continue;
        if (role) {
          if (prev?.norm === "the" && !next?.name) {
            const person = titled.get(role);
            if (person) addPerson(out, person);
          }
          // A title is part of naming someone, not a word of what happened.
          add(out, `t:${role}`, 1);
          continue;
        }
        wordFeatures(t.norm, out);
      }
      return out;
    });
  };
}

/** Units of size, distance, weight and speed: a number before one measures something, it does not count it. */
const MEASURE_UNITS = new Set(
  "m metre metres meter meters km kilometre kilometres kilometer kilometers cm centimetre centimetres mm millimetre millimetres mile miles ft foot feet inch inches kg kilogram kilograms kilo kilos tonne tonnes ton tons lb lbs pound pounds kmh mph knot knots degree degrees".split(" "),
);

/**
 * The counts a passage states ("23 were killed", "thirteen bridges", "some 400 residents"):
 * its numbers that are not ordinals ("second anniversary"), not years or other parts of a
 * date ("in 1971", "3 January 2020"), and not measures ("a 20-metre span", "90 km/h").
 * Reports of one fact keep its counts however they reword it (see align-all.ts).
 */
export function statedCounts(text: string): number[] {
  const consumed = dateFeatures(text).consumed;
  const tokens = wordTokens(text).filter((t) => !consumed.some((c) => t.start < c.end && c.start < t.end));
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as WordToken;
    const number = readNumber(tokens, i);
    if (!number) continue;
    const next = tokens[i + number.tokens]?.norm;
    const year = /^\d{4}$/.test(t.norm) && number.value >= 1000 && number.value <= 2100;
    if (!isOrdinal(t.norm) && !year && !(next && MEASURE_UNITS.has(next)) && !(t.norm === "one" && next === "of")) out.add(number.value);
    i += number.tokens - 1;
  }
  return [...out];
}

const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * The number starting at token i, read across words: "three hundred" -> 300, "twenty
 * five" -> 25, "5 million" -> 5000000, "two thousand four hundred" -> 2400. Returns how
 * many tokens it spans, or null when token i is no number.
 */
function readNumber(tokens: readonly { norm: string }[], i: number): { value: number; tokens: number } | null {
  const first = numberValue((tokens[i] as Token).norm);
  if (first === undefined) return null;
  let total = 0;
  let current = first;
  let j = i + 1;
  for (; j < tokens.length; j++) {
    const norm = (tokens[j] as Token).norm;
    const multiplier = MULTIPLIERS[norm];
    if (multiplier !== undefined) {
      current = (current || 1) * multiplier;
      if (multiplier >= 1000) {
        total += current;
        current = 0;
      }
      continue;
    }
    const value = /^[a-z]+$/.test(norm) ? numberValue(norm) : undefined;
    // Only "twenty five" style sums: a smaller word number after a round one.
    if (value === undefined || value >= 100 || current % 10 !== 0 || value >= (current % 100 || 100)) break;
    current += value;
  }
  return { value: total + current, tokens: j - i };
}

/** Maximal runs of name tokens separated only by spaces (or a hyphen after a particle). */
function nameRuns(tokens: readonly Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    const prev = run[run.length - 1];
    if (t.name && prev && /^[\s-]+$/u.test(text.slice(prev.end, t.start))) run.push(t);
    else {
      if (run.length) runs.push(run);
      run = t.name ? [t] : [];
    }
  }
  if (run.length) runs.push(run);
  return runs.filter((r) => r.some((t) => !PARTICLES.has(t.norm)));
}

/**
 * A person (or place) is one piece of evidence however much of the name is written: the
 * last word (the surname, "nm:") weighs 1, given names and epithets ("ng:")
 * GIVEN_NAME_WEIGHT each and are not evidence on their own (similarity.ts).
 */
function addPerson(out: Map<string, number>, keys: readonly string[]) {
  keys.forEach((k, i) => (i === keys.length - 1 ? add(out, `nm:${k}`, 1) : add(out, `ng:${k}`, GIVEN_NAME_WEIGHT)));
}

/**
 * Whether the word at `at` is the first of a line, a sentence or what follows a dash
 * ("KELBROOK, 10 June — One person…": a dateline's dash, or a dash that opens a clause);
 * quotes, emoji and the like are skipped.
 */
function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i] as string;
    if (/[\p{L}\p{N},;]/u.test(c)) return false;
    if (/[.!?:\n\r—–]/u.test(c)) return true;
  }
  return true;
}

/** A folded word without its possessive ("marrowby's" -> "marrowby"). */
function withoutPossessive(norm: string): string {
  return norm.replace(/'s?$/, "");
}

/** Whether the word at `at` starts with a capital letter (digits and lower case do not). */
function isUpper(text: string, at: number): boolean {
  const c = text[at] as string;
  return c !== c.toLowerCase();
}

function add(map: Map<string, number>, key: string, weight: number) {
  map.set(key, (map.get(key) ?? 0) + weight);
}
