/** Labeling of actors: the names an outlet gives people and groups, from the lexicon. */
import { lexiconAnalyser } from "./lexicon-analyser";

export const actorLabels = lexiconAnalyser({
  id: "actor-labels",
  version: 2,
  description: "Names that judge a person or group (\"regime\", \"terrorist\", \"martyr\") or are one side's category (\"militia\", \"militant\"), from the loaded-terms list.",
  defaultOn: true,
  categories: ["pejorative-label", "laudatory-label", "contested-label"],
  set: "Framing devices",
  tags: [{ set: "Framing devices", tag: "Labeling" }],
});
