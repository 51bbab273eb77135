/**
 * The one document model every analyser reads: sentences and tokens with UTF-16 offsets,
 * universal part-of-speech tags and lemmas, from wink-nlp with its English lite model.
 *
 * Why wink-nlp (measured against compromise 14.17 and natural 8.1 on hand-written news
 * sentences with abbreviations, quotations, passives and reported speech): it split every
 * sentence right ("U.S.", "Gen.", "D.C.", "Dr." inside sentences), tagged 17 of 19 checked
 * words right with Universal Dependencies tags that tell auxiliaries from verbs, gives lemmas
 * and sentence sentiment, and reads 5,000 words of news text in ~190 ms (median on the machine
 * of bench/RESULTS.md). compromise split as well and tagged about as well but took ~1.3 s for
 * the same text; natural split "U.S." and "Dr." into sentences of their own, has no auxiliary
 * tag and pulls in database drivers.
 *
 * wink-nlp's tokens are lossless: each token's preceding whitespace plus its value, in order,
 * is the original text. That is what makes exact offsets possible here.
 */
import winkNLP, { type ItsFunction } from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Token {
  index: number;
  /** The token as written. */
  text: string;
  start: number;
  end: number;
  /** Lower-cased form. */
  normal: string;
  lemma: string;
  /** Universal Dependencies part of speech (NOUN, PROPN, VERB, AUX, ADJ, ADV, ADP, DET, PRON, PUNCT, …). */
  pos: string;
  /** wink-nlp's token type: word, number, punctuation, emoji, tabCRLF, … */
  type: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  firstToken: number;
  endToken: number;
  /** wink-nlp's sentiment score of the sentence, from -1 (negative) to 1 (positive). */
  sentiment: number;
}

export interface AnalysedDocument {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

let nlp: ReturnType<typeof winkNLP> | undefined;

/** The wink-nlp instance, created on first use (loading the model takes ~100 ms). */
function instance(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}

/** Reads a text into sentences and tokens. */
export function readDocument(text: string): AnalysedDocument {
  const winkNlp = instance();
  const its = winkNlp.its;
  const doc = winkNlp.readDoc(text);
  const values = doc.tokens().out();
  const spaces = doc.tokens().out(its.precedingSpaces);
  const normals = doc.tokens().out(its.normal);
  // wink-nlp's type declarations give `its.lemma` the signature of its model add-on.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>);
  const tags = doc.tokens().out(its.pos);
  const types = doc.tokens().out(its.type);

  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    at += (spaces[i] as string).length;
    // wink-nlp keeps the text whole, so the value is always found where the running offset
    // points; the search is a guard should a future model normalise a token's value.
    const start = text.startsWith(value, at) ? at : text.indexOf(value, at);
    if (start < 0) throw new Error(`Token "${value}" not found in the text after offset ${at}.`);
    tokens.push({
      index: i,
      text: value,
      start,
      end: start + value.length,
      normal: (normals[i] as string).toLowerCase(),
      lemma: (lemmas[i] as string).toLowerCase(),
      pos: tags[i] as string,
      type: types[i] as string,
      sentence: 0,
    });
    at = start + value.length;
  }

  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
  const sentences: Sentence[] = [];
  spans.forEach(([first, last], i) => {
    // Trim line-break tokens wink-nlp counts into a sentence, so offsets cover its words only;
    // a sentence of nothing but line breaks (a trailing newline) joins the one before it.
    let from = first;
    let to = last;
    while (from <= to && tokens[from]?.type === "tabCRLF") from++;
    while (to >= from && tokens[to]?.type === "tabCRLF") to--;
    if (from > to) {
      const previous = sentences.at(-1);
      if (previous) previous.endToken = last + 1;
      return;
    }
    const index = sentences.length;
    for (let t = first; t <= last; t++) tokens[t]!.sentence = index;
    sentences.push({
      index,
      start: tokens[from]!.start,
      end: tokens[to]!.end,
      firstToken: first,
      endToken: last + 1,
      sentiment: sentiments[i] ?? 0,
    });
  });
  return { text, tokens, sentences };
}

/** The tokens of a sentence. */
export function sentenceTokens(document: AnalysedDocument, sentence: number): Token[] {
  const s = document.sentences[sentence];
  return s ? document.tokens.slice(s.firstToken, s.endToken) : [];
}
