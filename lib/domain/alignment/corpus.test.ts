import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitClauses } from "./clauses";
import { findSharedQuotations } from "./quotations";
import { segmentSentences } from "./sentences";
import { buildAlignmentCorpus, suggestPassages } from "./suggest";

/**
 * Checks against real published articles, read at test time from the shared corpus (never
 * copied into the repository). Skipped when the corpus folder is not there.
 */
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const corpusDir = path.resolve(repoRoot, "../shared/corpus/soleimani-anniversaries");

interface Manifest {
  documents: { file: string }[];
  sameFacts: { fact: string; examples: string[] }[];
}

function load() {
  const manifest = JSON.parse(readFileSync(path.join(corpusDir, "manifest.json"), "utf8")) as Manifest;
  const sources = manifest.documents.map((d) => ({ id: d.file, text: readFileSync(path.join(corpusDir, d.file), "utf8") }));
  return { manifest, sources };
}

const fold = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ");
/** Manifest examples carry notes ("'...' (Pentagon, quoted)", "a ... b"); keep the searchable part. */
const searchable = (example: string) => fold(example).replace(/\(.*?\)/g, "").split("...")[0]!.replace(/^[\s'"]+|[\s'"]+$/g, "");

describe.skipIf(!existsSync(path.join(corpusDir, "manifest.json")))("real corpus: Soleimani anniversaries", () => {
  it("a passage naming the strike gets a passage naming it ranked first in every other article", () => {
    const { manifest, sources } = load();
    const fact = manifest.sameFacts.find((f) => /strike/i.test(f.fact)) ?? manifest.sameFacts[0]!;
    const example = searchable(fact.examples[0]!);
    const from = sources.find((s) => fold(s.text).includes(example));
    expect(from, `no article contains "${example}"`).toBeDefined();
    const at = fold(from!.text).indexOf(example);
    // The clause that names it, as an editor would select it: the sentence around it may
    // report another fact ("rallies were held for the general, who was killed in…").
    const sentence = segmentSentences(from!.text).find((s) => s.start <= at && at < s.end)!;
    const span = splitClauses(from!.text, sentence).find((c) => c.start <= at && at < c.end)!;
    const passage = from!.text.slice(span.start, span.end);

    // "Names the strike": one of the manifest's wordings for this fact, or a word for the event.
    const namesStrike = (text: string) =>
      fact.examples.some((e) => fold(text).includes(searchable(e))) || /strike|assassinat|attack/i.test(text);

    const corpus = buildAlignmentCorpus(sources);
    const results = suggestPassages(passage, corpus, { excludeSourceId: from!.id });
    expect(results).toHaveLength(sources.length - 1);
    for (const r of results) {
      const top = r.matches[0];
      expect(top, r.sourceId).toBeDefined();
      expect(namesStrike(top!.text), `${r.sourceId}: ${top!.text.slice(0, 80)}`).toBe(true);
    }
  });

  it("segments every article into sentences inside the text", () => {
    const { sources } = load();
    for (const s of sources) {
      const spans = segmentSentences(s.text);
      expect(spans.length).toBeGreaterThan(5);
      let last = 0;
      for (const span of spans) {
        expect(span.start).toBeGreaterThanOrEqual(last);
        expect(span.end).toBeGreaterThan(span.start);
        last = span.end;
      }
    }
  });

  it("finds shared quotations without reporting fragments of common phrasing", () => {
    const { sources } = load();
    for (const group of findSharedQuotations(sources)) {
      expect(new Set(group.occurrences.map((o) => o.sourceId)).size).toBeGreaterThanOrEqual(2);
      expect(group.occurrences.some((o) => o.quoted)).toBe(true);
    }
  });
});
