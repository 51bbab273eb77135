/** Labeling of actors: the names an outlet gives people and groups, from the lexicon, and backer compounds ("Iran-backed"). */
import { LABEL_PATTERNS } from "../cues/labels";
import { lexiconAnalyser } from "./lexicon-analyser";

export const actorLabels = lexiconAnalyser({
  id: "actor-labels",
  version: 5,
  description: "Names that judge a person or group (\"regime\", \"terrorist\", \"martyr\") or are one side's category (\"militia\", \"militant\", \"Iran-backed\"), from the loaded-terms list and backer compounds.",
  defaultOn: true,
  categories: ["pejorative-label", "laudatory-label", "contested-label"],
  set: "Framing devices",
  tags: [{ set: "Framing devices", tag: "Labeling" }],
  patterns: LABEL_PATTERNS,
});
