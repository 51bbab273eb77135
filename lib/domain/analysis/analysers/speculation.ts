/** Modals and hedges of possibility ("could", "may have", "likely"). */
import { lexiconAnalyser } from "./lexicon-analyser";

export const speculation = lexiconAnalyser({
  id: "speculation",
  version: 1,
  description: "Modals and hedges of possibility (\"could\", \"may have\", \"likely\"), proposed as vagueness; most are legitimate caution, so expect low precision.",
  // Off: the gold set has no vagueness to find and it proposed nothing there; most modals are
  // honest caution, so its precision is expected to be low.
  defaultOn: false,
  categories: ["speculation"],
  set: "Persuasion techniques",
  tags: [{ set: "Persuasion techniques", tag: "Obfuscation/vagueness" }],
});
