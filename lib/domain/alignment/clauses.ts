import type { Span } from "./sentences";

/**
 * Clause boundaries inside a sentence: a semicolon, a spaced dash, or a comma followed by
 * a conjunction or a relative pronoun that starts a new proposition (", who was killed
 * in…" after a name is a second fact about that person), or ", and" before a new subject
 * (", and the mayor resigned"; not a list's last item, ", and fish"). The boundary punctuation stays
 * with the clause before it; the conjunction starts the next one.
 */
const BOUNDARY_RE =
  /;\s+|\s+[—–]\s+|,\s+(?=(?:while|but|which|who|whereas|although|though|as well as|and then)\b)|,\s+(?=and\s+(?:the|a|an|he|she|they|it|his|her|their|its|\p{Lu})\b)/gu;

/** Clauses shorter than this many words stay attached to their neighbour. */
const MIN_CLAUSE_WORDS = 4;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The clauses of one sentence span, as trimmed spans covering it in order. */
export function splitClauses(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const cuts: number[] = [];
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(body); m; m = BOUNDARY_RE.exec(body)) {
    const punct = m[0].trimStart()[0] ?? "";
    // ";" and "," belong to the clause before; a dash starts after its spaces either way.
    cuts.push(m.index + (punct === ";" || punct === "," ? 1 : 0));
  }
  const pieces: Span[] = [];
  let start = 0;
  for (const cut of [...cuts, body.length]) {
    const piece = trim(body, start, cut);
    if (piece) {
      const last = pieces[pieces.length - 1];
      if (last && (wordCount(body.slice(piece.start, piece.end)) < MIN_CLAUSE_WORDS || wordCount(body.slice(last.start, last.end)) < MIN_CLAUSE_WORDS)) {
        last.end = piece.end;
      } else pieces.push(piece);
    }
    start = cut;
  }
  return pieces.map((p) => ({ start: sentence.start + p.start, end: sentence.start + p.end }));
}

function trim(s: string, start: number, end: number): Span | null {
  let a = start;
  let b = end;
  while (a < b && /[\s—–]/u.test(s[a] as string)) a++;
  while (b > a && /\s/u.test(s[b - 1] as string)) b--;
  return a < b && /[\p{L}\p{N}]/u.test(s.slice(a, b)) ? { start: a, end: b } : null;
}
