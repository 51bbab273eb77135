/** Euphemism: softened wording for harm, from the lexicon. */
import { lexiconAnalyser } from "./lexicon-analyser";

export const euphemism = lexiconAnalyser({
  id: "euphemism",
  version: 3,
  description: "Mild or technical phrases that soften harm (\"collateral damage\", \"neutralise\", \"defensive action\") from the loaded-terms list.",
  defaultOn: true,
  categories: ["euphemism"],
  set: "Framing devices",
  tags: [{ set: "Framing devices", tag: "Euphemism" }],
});
