/** Hedges that credit a statement to no one ("reportedly", "is believed to"): vague attribution. */
import { lexiconAnalyser } from "./lexicon-analyser";

export const hedging = lexiconAnalyser({
  id: "hedging",
  version: 1,
  description: "Hedges that credit a statement to no one in particular (\"reportedly\", \"allegedly\", \"is believed to\"), proposed as vague attribution.",
  defaultOn: true,
  categories: ["vague-attribution"],
  set: "Framing devices",
  tags: [{ set: "Framing devices", tag: "Attribution" }],
});
