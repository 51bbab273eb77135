/**
 * The analysers against the gold sets (bench/gold/framing-*.json, rules in
 * bench/gold/analysers-README.md), each scored on its own: precision and recall per analyser
 * and per tag, as token overlap (the word-token scoring the classroom uses against a teacher's
 * key), next to a trivial keyword baseline scored the same way in the same run.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { tokenUnits, type LabeledSpan, type TextRange } from "@/lib/domain/agreement";
import { ANALYSERS, DEFAULT_LEXICON, readDocument, type AnalysedDocument, type Proposal } from "@/lib/domain/analysis";
import { scoreAgainstKey, type Score } from "@/lib/domain/classroom/scoring";
import { codePointIndex } from "@/lib/domain/text";

export interface GoldSpan {
  file: string;
  start: number;
  end: number;
  set: string;
  tag: string;
  check: string;
}

export interface GoldText {
  file: string;
  text: string;
  document: AnalysedDocument;
  units: TextRange[];
  /** Gold spans in UTF-16 offsets, valued `set / tag`. */
  gold: LabeledSpan[];
}

const goldDir = path.resolve(import.meta.dirname, "../gold");

/**
 * The gold sets, in the order they are reported: the first made by the analysers' author on the
 * shared corpus, the second and third written blind to the analysers on articles written here
 * (development sets since), the fourth written the same way and held out.
 */
export const GOLD_FILES = ["framing-soleimani.json", "framing-sarrow.json", "framing-ostrel.json", "framing-tessford.json"] as const;

export interface GoldSet {
  file: string;
  /** The texts' folder name, under bench/gold or shared/corpus. */
  corpus: string;
  texts: GoldText[];
}

/**
 * The shared corpus sits beside the repository (`../shared/corpus`); from a worktree of it one
 * level further down, beside a parent folder. The first that exists wins.
 */
export async function findCorpus(name: string): Promise<string> {
  const root = path.resolve(import.meta.dirname, "../..");
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "corpus", name);
    if (await readFile(path.join(candidate, "manifest.json")).then(() => true, () => false)) return candidate;
    if (dir === path.dirname(dir)) throw new Error(`The shared corpus "${name}" was not found beside the repository or any folder above it.`);
  }
}

export const valueOf = (set: string, tag: string) => `${set} / ${tag}`;

/** A gold set's texts: `bench/gold/<name>` for articles written for this repository, else the shared corpus. */
async function corpusDir(name: string): Promise<string> {
  const own = path.join(goldDir, name);
  return (await stat(own).then((s) => s.isDirectory(), () => false)) ? own : findCorpus(name);
}

/** Reads a gold file and its texts, converting code points to UTF-16 and checking each span's first words. */
export async function loadGold(goldFile: string): Promise<GoldSet> {
  const { corpus, spans } = JSON.parse(await readFile(path.join(goldDir, goldFile), "utf8")) as { corpus: string; spans: GoldSpan[] };
  const dir = await corpusDir(corpus);
  const files = [...new Set(spans.map((s) => s.file))].sort();
  const texts = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(dir, file), "utf8");
      const index = codePointIndex(text);
      const gold = spans
        .filter((s) => s.file === file)
        .map((s) => {
          const start = index.toUtf16(s.start);
          const end = index.toUtf16(s.end);
          const words = text.slice(start, end).split(/\s+/).filter(Boolean).slice(0, 3).join(" ");
          if (words !== s.check) throw new Error(`${file} ${s.start}-${s.end}: expected “${s.check}”, found “${words}”: has the corpus changed?`);
          return { start, end, value: valueOf(s.set, s.tag) };
        });
      return { file, text, document: readDocument(text), units: tokenUnits(text), gold };
    }),
  );
  return { file: goldFile, corpus, texts };
}

export interface Row {
  name: string;
  tag: string;
  proposals: number;
  score: Score;
}

/** Scores proposals (per text) against the gold for the given tags: one row per tag and, with several, a total. */
export function scoreProposals(name: string, texts: readonly GoldText[], proposals: readonly Proposal[][], tags: readonly string[]): Row[] {
  const scored = texts.map((t, i) => ({
    units: t.units,
    key: t.gold,
    answer: proposals[i]!.map((p) => ({ start: p.start, end: p.end, value: valueOf(p.set, p.tag) })),
  }));
  const { overall, perTag } = scoreAgainstKey(scored, tags);
  const count = (tag?: string) => proposals.flat().filter((p) => !tag || valueOf(p.set, p.tag) === tag).length;
  const rows = perTag.map((s) => ({ name, tag: s.tagId, proposals: count(s.tagId), score: s }));
  return tags.length > 1 ? [...rows, { name, tag: "all its tags", proposals: count(), score: overall }] : rows;
}

/** Every analyser, default-on or not, on every gold text. */
export function analyserRows(texts: readonly GoldText[]): { id: string; defaultOn: boolean; rows: Row[] }[] {
  return ANALYSERS.map((analyser) => {
    const proposals = texts.map((t) => analyser.analyse(t.document, { lexicon: DEFAULT_LEXICON }));
    const tags = analyser.tags.map((t) => valueOf(t.set, t.tag));
    return { id: analyser.id, defaultOn: analyser.defaultOn, rows: scoreProposals(analyser.id, texts, proposals, tags) };
  });
}
