/** Loaded language: emotionally charged words for events and acts, from the lexicon. */
import { lexiconAnalyser } from "./lexicon-analyser";

export const loadedLanguage = lexiconAnalyser({
  id: "loaded-language",
  version: 3,
  description: "Charged words for events and acts (\"slaughter\", \"assassination\", \"brutal\") from the loaded-terms list.",
  defaultOn: true,
  categories: ["emotive-event", "emotive-evaluation", "violent-act", "horror-evaluation", "emotional-state", "war-metaphor", "money-as-theft", "cuts-as-violence", "health-alarm", "politics-as-foul-play", "conduct-judgement"],
  set: "Framing devices",
  tags: [{ set: "Framing devices", tag: "Loaded language" }],
});
