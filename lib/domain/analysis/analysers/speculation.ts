/** Modals and hedges of possibility ("could", "may have", "likely"). */
import { lexiconAnalyser } from "./lexicon-analyser";

export const speculation = lexiconAnalyser({
  id: "speculation",
  version: 1,
  description: "Modals and hedges of possibility (\"could\", \"may have\", \"likely\"), proposed as vagueness; most are legitimate caution, so expect low precision.",
  defaultOn: false,
  categories: ["speculation"],
  set: "Persuasion techniques",
  tags: [{ set: "Persuasion techniques", tag: "Obfuscation/vagueness" }],
});
