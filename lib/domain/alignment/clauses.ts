import type { Span } from "./sentences";

/**
 * Clause boundaries inside a sentence, so that a fact told as a short clause of a long
 * background sentence can be matched on its own:
 * - a semicolon, a colon, or a spaced dash;
 * - a comma followed by a word that starts a new proposition: a subordinating
 *   conjunction or relative pronoun (", who was killed in…" after a name is a second
 *   fact about that person), a reporting participle (", saying…"), a participle clause
 *   (", symbolising…", ", ordered by…"), an appositive (", a former mayor…", ", one of
 *   the…") or an opening quotation mark;
 * - ", and" before a new subject (", and the mayor resigned", ", and several others";
 *   not a list's last item, ", and fish");
 * - the comma closing an opening adverbial or participle phrase ("After the flood, the
 *   mayor resigned"; "Speaking on Monday, the mayor said…").
 * The boundary punctuation stays with the clause before it; the word after it starts the
 * next one. Pieces shorter than MIN_CLAUSE_WORDS words stay attached to their neighbour.
 */
/** Words opening an appositive after a comma (", a former mayor…", ", one of the…"). */
const APPOSITIVE = "one of|a|an";
const APPOSITIVE_RE = new RegExp(String.raw`^(?:${APPOSITIVE})\b`, "u");
const SUBORDINATORS =
  "while|but|yet|which|who|whom|whose|where|when|whereas|although|though|as|after|before|because|since|until|" +
  "despite|following|amid|including|according to|owing to|as well as|and then|with|saying|adding|claiming|calling|" +
  APPOSITIVE;
const NEW_SUBJECT = "the|a|an|he|she|they|it|his|her|their|its|several|many|some|other|others|two|three|four|five|dozens|hundreds|thousands";
const BOUNDARY_RE = new RegExp(
  [
    String.raw`;\s+`,
    String.raw`:\s+(?=\S)`,
    String.raw`\s+[—–]\s+`,
    String.raw`,\s+(?=(?:${SUBORDINATORS})\b)`,
    String.raw`,\s+(?=\p{Ll}{3,}(?:ing|ed)\b)`,
    String.raw`,\s+(?=[“"«])`,
    String.raw`,\s+(?=and\s+(?:${NEW_SUBJECT}|\p{Lu})\b)`,
  ].join("|"),
  "gu",
);

const SUBORDINATE_RE = new RegExp(String.raw`^(?:(?:${SUBORDINATORS})\b|\p{Ll}{3,}(?:ing|ed)\b|[“"«])`, "u");

/**
 * A clause of a sentence. It is subordinate when it is a relative, adverbial, participle
 * or appositive clause, a quotation, or the phrase opening the sentence before its first
 * comma: it tells something in passing rather than the sentence's own assertion. The
 * clause after an opening phrase or after an appositive is the predicate, so main.
 */
export interface Clause extends Span {
  subordinate: boolean;
}

/** A sentence opening with one of these is led by an adverbial or participle phrase. */
const LEADING_PHRASE_RE = /^(?!At (?:least|most)\b)(?:\p{Lu}\p{Ll}*ing\b|(?:On|In|At|After|Before|Since|Following|Despite|Amid|During|Shortly|Last|Earlier|Later|According)\b)/u;

/** Clauses shorter than this many words stay attached to their neighbour. */
const MIN_CLAUSE_WORDS = 4;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * A dateline opening a sentence: a place in capitals, a comma, a short date and a dash
 * ("PORT VALLERA, 15 March 2026 — "). It says where and when the report was filed, not
 * when the event happened, so it is no part of any clause.
 */
const DATELINE_RE = /^\p{Lu}[\p{Lu}\s.'’-]*\p{Lu},\s[^—–\n]{1,40}?\s+[—–]\s+/u;

/** The clauses of one sentence span, as trimmed spans covering it in order (a dateline left out). */
export function splitClauses(text: string, sentence: Span): Clause[] {
  const dateline = DATELINE_RE.exec(text.slice(sentence.start, sentence.end));
  if (dateline && dateline[0].length < sentence.end - sentence.start) {
    return splitClauses(text, { start: sentence.start + dateline[0].length, end: sentence.end });
  }
  const body = text.slice(sentence.start, sentence.end);
  const cuts: number[] = [];
  let leading = -1;
  if (LEADING_PHRASE_RE.test(body)) {
    const comma = body.indexOf(", ");
    if (comma > 0) cuts.push((leading = comma + 1));
  }
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(body); m; m = BOUNDARY_RE.exec(body)) {
    const punct = m[0].trimStart()[0] ?? "";
    // ";", ":" and "," belong to the clause before; a dash starts after its spaces either way.
    cuts.push(m.index + (punct === ";" || punct === ":" || punct === "," ? 1 : 0));
  }
  cuts.sort((a, b) => a - b);

  // Pieces between cuts, each with what kind of clause it opens.
  const raw: { span: Span; kind: "opening" | "appositive" | "subordinate" | "main" }[] = [];
  let start = 0;
  for (const cut of [...cuts, body.length]) {
    if (cut <= start) continue;
    const span = trim(body, start, cut);
    if (span) {
      const piece = body.slice(span.start, span.end);
      const previous = raw[raw.length - 1];
      const kind =
        cut === leading
          ? "opening"
          : start === leading || previous?.kind === "appositive"
            ? // The clause after an opening phrase or an appositive is the predicate.
              "main"
            : APPOSITIVE_RE.test(piece)
              ? "appositive"
              : SUBORDINATE_RE.test(piece)
                ? "subordinate"
                : "main";
      raw.push({ span, kind });
    }
    start = cut;
  }
  // An appositive runs from comma to comma; one that runs to the sentence's end holds the
  // predicate ("Abu Mahdi, a militia commander and two others were killed", written
  // without its second comma), so it stays with the clause before it.
  const trailing = raw.length > 1 && raw[raw.length - 1]?.kind === "appositive" ? raw[raw.length - 1] : undefined;

  const pieces: Clause[] = [];
  for (const entry of raw) {
    const { span, kind } = entry;
    const piece = { ...span, subordinate: kind !== "main" && entry !== trailing };
    const previous = pieces[pieces.length - 1];
    if (previous && (entry === trailing || wordCount(body.slice(piece.start, piece.end)) < MIN_CLAUSE_WORDS || wordCount(body.slice(previous.start, previous.end)) < MIN_CLAUSE_WORDS)) {
      // A short piece joins its neighbour; the joined clause is main if either was.
      previous.end = piece.end;
      previous.subordinate &&= piece.subordinate;
    } else pieces.push(piece);
  }
  return pieces.map((p) => ({ start: sentence.start + p.start, end: sentence.start + p.end, subordinate: p.subordinate }));
}

function trim(s: string, start: number, end: number): Span | null {
  let a = start;
  let b = end;
  while (a < b && /[\s—–]/u.test(s[a] as string)) a++;
  while (b > a && /\s/u.test(s[b - 1] as string)) b--;
  return a < b && /[\p{L}\p{N}]/u.test(s.slice(a, b)) ? { start: a, end: b } : null;
}
