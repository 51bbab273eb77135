/** Intensifiers and minimisers: words that inflate or shrink, from the lexicon. */
import { lexiconAnalyser } from "./lexicon-analyser";

export const exaggeration = lexiconAnalyser({
  id: "exaggeration",
  version: 1,
  description: "Intensifiers (\"massive\", \"unprecedented\") and minimisers (\"merely\") from the loaded-terms list.",
  // Off: it proposed nothing in the gold set, so its precision is unmeasured (bench/RESULTS.md).
  defaultOn: false,
  categories: ["intensifier", "minimiser"],
  set: "Persuasion techniques",
  tags: [{ set: "Persuasion techniques", tag: "Exaggeration/minimisation" }],
});
