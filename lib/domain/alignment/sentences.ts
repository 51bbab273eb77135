/** A passage of a source as offsets into its body text (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Abbreviations after which a period practically never ends a sentence (titles and ranks
 * precede a name).
 */
const TITLES = new Set(
  ("mr mrs ms dr prof gen lt col maj capt cmdr cdr adm sgt cpl pvt rep reps sen sens gov pres supt insp rev fr " +
    "hon amb st mt ft messrs mme mlle sr jr sheikh brig")
    .split(" "),
);
// "Jr." and "Sr." are in TITLES above but can end a sentence; they are also checked as ambiguous.
const AMBIGUOUS = new Set("jr sr etc inc ltd corp co bros approx est dept univ assn gov't ave blvd".split(" "));
/** Abbreviations that are followed by a number ("No. 5", "Jan. 3", "p. 12"). */
const BEFORE_NUMBER = new Set("no nos vol vols art arts fig figs p pp ch sec jan feb mar apr jun jul aug sep sept oct nov dec".split(" "));

/**
 * Capitalised words that typically start a sentence. After an ambiguous abbreviation
 * ("... sanctions on the U.S. The next day ...") a following starter word means the
 * period also ends the sentence; a following name ("U.S. President") means it does not.
 */
const SENTENCE_STARTERS = new Set(
  ("the a an he she it they we i you this that these those there his her its their our my your in on at for " +
    "but and or so yet as after before when while if since because although though however meanwhile " +
    "then later earlier also many some most several both all no not one two three four five six seven eight " +
    "nine ten last next on by from with what who why how where officials protesters thousands hundreds dozens")
    .split(" "),
);

const TERMINATOR_RE = /[.!?…]+["'”’»)\]]*(?=\s|$)/gu;
const LIST_MARKER_RE = /^(?:[•·▪◦‣*–—-]|\d{1,2}[.)])\s+/u;
const HAS_WORD_RE = /[\p{L}\p{N}]/u;

/**
 * Sentences of a text, as trimmed spans.
 *
 * Rules, in order of authority:
 * 1. A blank line ends a sentence. So does a single line break, except when it looks like
 *    a soft wrap (the line does not end in terminal punctuation and the next line starts in
 *    lower case): imported articles put headlines, captions and paragraphs on their own
 *    lines without a final period.
 * 2. Within a block, ". ! ? …" (plus closing quotes/brackets) followed by whitespace ends
 *    a sentence unless the next word starts in lower case ("'Why?' he asked") or with
 *    ",;:".
 * 3. A period after a title ("Gen.", "Dr.") never ends a sentence; after an initialism
 *    ("U.S.", "p.m.", "J.") or other ambiguous abbreviation, only when the next word is a
 *    typical sentence starter ("The", "He", "In").
 */
export function segmentSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const block of blocks(text)) {
    let sentenceStart = block.start;
    TERMINATOR_RE.lastIndex = block.start;
    for (let m = TERMINATOR_RE.exec(text); m; m = TERMINATOR_RE.exec(text)) {
      const end = m.index + m[0].length;
      // Terminators never contain a line break, so a match past the block is in a later one.
      if (end > block.end) break;
      if (endsSentence(text, m.index, m[0], end, block.end)) {
        pushTrimmed(text, sentenceStart, end, spans);
        sentenceStart = end;
      }
    }
    pushTrimmed(text, sentenceStart, block.end, spans);
  }
  return spans;
}

function endsSentence(text: string, at: number, terminator: string, end: number, blockEnd: number): boolean {
  let j = end;
  while (j < blockEnd && /\s/u.test(text[j] as string)) j++;
  if (j >= blockEnd) return true;
  const next = text.slice(j, Math.min(blockEnd, j + 40));
  const nextChar = next[0] as string;
  if (/[,;:]/.test(nextChar)) return false;
  if (/^\p{Ll}/u.test(next)) return false;
  if (!terminator.startsWith(".") || terminator.startsWith("..")) return true;

  const before = /[\p{L}\p{N}.'’]+$/u.exec(text.slice(Math.max(0, at - 30), at));
  if (!before) return true;
  const word = before[0].toLowerCase().replace(/^[.'’]+/u, "");
  const nextWord = (/^[\p{L}']+/u.exec(next)?.[0] ?? "").toLowerCase();
  const nextIsStarter = nextWord !== "" && SENTENCE_STARTERS.has(nextWord) && /^\p{Lu}/u.test(next);

  if (BEFORE_NUMBER.has(word) && /^\d/.test(next)) return false;
  if (AMBIGUOUS.has(word)) return nextIsStarter;
  if (TITLES.has(word)) return false;
  // Initialisms: U.S, p.m, e.g, a single capital letter (initial of a name).
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(before[0])) return nextIsStarter;
  return true;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]) {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] as string)) s++;
  while (e > s && /\s/u.test(text[e - 1] as string)) e--;
  const marker = LIST_MARKER_RE.exec(text.slice(s, Math.min(e, s + 8)));
  if (marker) s += marker[0].length;
  if (s < e && HAS_WORD_RE.test(text.slice(s, e))) out.push({ start: s, end: e });
}

/** Runs of lines that can contain one sentence across a line break (see rule 1). */
function blocks(text: string): Span[] {
  const out: Span[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/gu;
  let current: Span | null = null;
  let prevContent = "";
  for (let m = lineRe.exec(text); m && m[0] !== ""; m = lineRe.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/u, "");
    const start = m.index;
    const end = start + content.length;
    if (content.trim() === "") {
      if (current) out.push(current);
      current = null;
      prevContent = "";
      continue;
    }
    const softWrap = current !== null && !/[.!?…:;"'”’»)\]]\s*$/u.test(prevContent) && /^\s*\p{Ll}/u.test(content);
    if (current && softWrap) current.end = end;
    else {
      if (current) out.push(current);
      current = { start, end };
    }
    prevContent = content;
  }
  if (current) out.push(current);
  return out;
}

export interface PassageOptions {
  /** Longest run of consecutive sentences offered as one passage (default 2). */
  maxSentences?: number;
}

/**
 * Candidate passages of a source: every sentence and every run of up to `maxSentences`
 * consecutive sentences (default 2), sorted by start then end. Runs may cross paragraph
 * breaks: news paragraphs are often one sentence long and a fact can span two of them.
 */
export function segmentPassages(text: string, options: PassageOptions = {}): Span[] {
  return passagesFromSentences(segmentSentences(text), options.maxSentences ?? 2);
}

export function passagesFromSentences(sentences: readonly Span[], maxSentences: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let n = 1; n <= maxSentences && i + n <= sentences.length; n++) {
      out.push({ start: (sentences[i] as Span).start, end: (sentences[i + n - 1] as Span).end });
    }
  }
  return out;
}
