/**
 * Scoring a student's span annotations against the teacher's key, and what the class did
 * together (heat map, confusion with the key), all over word tokens as lib/domain/agreement
 * defines them: a span covers a word when they share at least one character.
 *
 * Precision, recall and F1 are token overlap per tag, summed over the tags and the texts:
 * - matched: words the student and the key both gave a tag (counted once per tag);
 * - precision = matched / words the student tagged: how much of what they tagged the key has;
 * - recall = matched / words the key tagged: how much of the key they found;
 * - F1 = 2 · matched / (student's + key's tagged words), the harmonic mean of the two.
 * A figure with nothing to divide by is null ("—"), never a made-up 0 or 1: precision when
 * the student tagged nothing, recall when the key is empty, F1 when both are.
 */
import { NO_VALUE, perValueReliability, reliabilityFromSpans, VALUE_SEPARATOR, PRESENT, type CoderSpans, type LabeledSpan, type TextRange } from "@/lib/domain/agreement";

/** One text: its word tokens, the key's spans and the student's, with tag ids as values. */
export interface ScoredText {
  units: readonly TextRange[];
  key: readonly LabeledSpan[];
  answer: readonly LabeledSpan[];
}

export interface Score {
  /** Tagged words the student and the key share (per tag). */
  matched: number;
  /** Words the student tagged (per tag). */
  answered: number;
  /** Words the key tagged (per tag). */
  expected: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function scoreOf(matched: number, answered: number, expected: number): Score {
  return {
    matched,
    answered,
    expected,
    precision: answered > 0 ? matched / answered : null,
    recall: expected > 0 ? matched / expected : null,
    f1: answered + expected > 0 ? (2 * matched) / (answered + expected) : null,
  };
}

/** The student's score against the key, over all texts: overall and for each tag. */
export function scoreAgainstKey(texts: readonly ScoredText[], tagIds: readonly string[]): { overall: Score; perTag: (Score & { tagId: string })[] } {
  const perTag = tagIds.map((tagId) => {
    let matched = 0;
    let answered = 0;
    let expected = 0;
    for (const text of texts) {
      const [key, answer] = perValueReliability(text.units, [{ coderId: "key", spans: text.key }, { coderId: "answer", spans: text.answer }], tagId).data;
      for (let u = 0; u < text.units.length; u++) {
        const inKey = key![u] === PRESENT;
        const inAnswer = answer![u] === PRESENT;
        if (inKey) expected++;
        if (inAnswer) answered++;
        if (inKey && inAnswer) matched++;
      }
    }
    return { tagId, ...scoreOf(matched, answered, expected) };
  });
  const sum = (field: "matched" | "answered" | "expected") => perTag.reduce((total, score) => total + score[field], 0);
  return { overall: scoreOf(sum("matched"), sum("answered"), sum("expected")), perTag };
}

function tagsOf(value: string | null | undefined): string[] {
  return !value || value === NO_VALUE ? [] : value.split(VALUE_SEPARATOR);
}

/** A stretch of a text where the same number of students tagged every word, with the tags they used. */
export interface HeatRun extends TextRange {
  /** How many students tagged these words (with any tag). */
  students: number;
  /** For each tag used here: how many students gave it to these words. */
  tags: { tagId: string; students: number }[];
}

/**
 * What the class tagged where, on one text: consecutive words with the same counts form one
 * run (spanning the spaces between them). Untagged words make no run.
 */
export function classHeatMap(units: readonly TextRange[], students: readonly CoderSpans[]): HeatRun[] {
  if (students.length === 0) return [];
  const { data } = reliabilityFromSpans(units, students);
  const runs: HeatRun[] = [];
  let signature = "";
  for (let u = 0; u < units.length; u++) {
    const perTag = new Map<string, number>();
    let tagged = 0;
    for (const row of data) {
      const tags = tagsOf(row[u]);
      if (tags.length > 0) tagged++;
      for (const tag of tags) perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
    }
    const tags = [...perTag].map(([tagId, count]) => ({ tagId, students: count })).sort((a, b) => b.students - a.students || a.tagId.localeCompare(b.tagId));
    const next = tagged === 0 ? "" : JSON.stringify(tags);
    const last = runs.at(-1);
    if (next && next === signature && last) last.end = units[u]!.end;
    else if (next) runs.push({ start: units[u]!.start, end: units[u]!.end, students: tagged, tags });
    signature = next;
  }
  return runs;
}

/** How the students' tags line up with the key's, in words: the key's tag (or none) × a student's tag (or none). */
export interface ConfusionCell {
  keyTag: string;
  answerTag: string;
  words: number;
}

/**
 * Tag-by-tag confusion between the students and the key, summed over students and texts. A
 * word the key gave tag K and a student gave tag S counts once in (K, S); a word only one of
 * them tagged pairs with {@link NO_VALUE}; a word with several tags counts once for each
 * pair. Words neither tagged are left out (they would dwarf everything else).
 */
export function confusionWithKey(texts: readonly { units: readonly TextRange[]; key: readonly LabeledSpan[]; answers: readonly CoderSpans[] }[]): ConfusionCell[] {
  const counts = new Map<string, ConfusionCell>();
  for (const text of texts) {
    for (const answer of text.answers) {
      const [key, given] = reliabilityFromSpans(text.units, [{ coderId: "key", spans: text.key }, { coderId: "answer", spans: answer.spans }]).data;
      for (let u = 0; u < text.units.length; u++) {
        const keyTags = tagsOf(key![u]);
        const answerTags = tagsOf(given![u]);
        if (keyTags.length === 0 && answerTags.length === 0) continue;
        for (const keyTag of keyTags.length ? keyTags : [NO_VALUE]) {
          for (const answerTag of answerTags.length ? answerTags : [NO_VALUE]) {
            const id = `${keyTag}\u0000${answerTag}`;
            const cell = counts.get(id) ?? { keyTag, answerTag, words: 0 };
            cell.words++;
            counts.set(id, cell);
          }
        }
      }
    }
  }
  return [...counts.values()];
}
