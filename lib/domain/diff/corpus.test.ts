import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceText, targetText, wordDiff } from "./word-diff";

const corpusDir = path.resolve(import.meta.dirname, "../../..", "../shared/corpus/soleimani-anniversaries");

describe.skipIf(!existsSync(corpusDir))("real corpus: word diffs of whole articles", () => {
  it("rebuilds both articles exactly for every pair", () => {
    const texts = readdirSync(corpusDir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(corpusDir, f), "utf8"));
    for (const a of texts) {
      for (const b of texts) {
        const diffs = wordDiff(a, b);
        expect(sourceText(diffs)).toBe(a);
        expect(targetText(diffs)).toBe(b);
      }
    }
    // The first use of Intl.Segmenter loads ICU's word-break data (about a second under load).
  }, 20_000);
});
