/** Intensifiers and minimisers: words that inflate or shrink, from the lexicon, and all-time superlatives. */
import { EXAGGERATION_PATTERNS } from "../cues/exaggeration";
import { lexiconAnalyser } from "./lexicon-analyser";

export const exaggeration = lexiconAnalyser({
  id: "exaggeration",
  version: 3,
  description: "Intensifiers (\"massive\", \"unprecedented\") and minimisers (\"merely\", \"nothing more than\") from the loaded-terms list, and superlatives stretched to all time (\"the worst attack ever\").",
  // Off: one proposal on the gold set, not a gold span; too few (under 5) to measure precision by (bench/RESULTS.md).
  defaultOn: false,
  categories: ["intensifier", "minimiser"],
  set: "Persuasion techniques",
  tags: [{ set: "Persuasion techniques", tag: "Exaggeration/minimisation" }],
  patterns: EXAGGERATION_PATTERNS,
});
