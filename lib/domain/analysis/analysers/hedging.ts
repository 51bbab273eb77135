/** Hedges that credit a statement to no one ("reportedly", "is widely seen as"): vague attribution. */
import { HEDGE_PATTERNS } from "../cues/hedges";
import { lexiconAnalyser } from "./lexicon-analyser";

export const hedging = lexiconAnalyser({
  id: "hedging",
  version: 2,
  description: "Hedges that credit a statement to no one in particular (\"reportedly\", \"allegedly\", \"is believed to\", \"is widely seen as\"), proposed as vague attribution.",
  defaultOn: true,
  categories: ["vague-attribution"],
  set: "Framing devices",
  tags: [{ set: "Framing devices", tag: "Attribution" }],
  patterns: HEDGE_PATTERNS,
});
