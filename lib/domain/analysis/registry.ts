/**
 * Every analyser, in the order their proposals are listed, with what a workspace setting and
 * the provenance of an accepted proposal need: id, version, description, default-on flag.
 * An analyser is on by default only if its precision on the gold set reached 0.6
 * (bench/RESULTS.md, "Analysers against the gold set"); the others run only when asked for.
 */
import { actorLabels } from "./analysers/actor-labels";
import { agentDeletion } from "./analysers/agent-deletion";
import { attribution } from "./analysers/attribution";
import { euphemism } from "./analysers/euphemism";
import { exaggeration } from "./analysers/exaggeration";
import { hedging } from "./analysers/hedging";
import { loadedLanguage } from "./analysers/loaded-language";
import { persuasionCues } from "./analysers/persuasion-cues";
import { scareQuotes } from "./analysers/scare-quotes";
import { speculation } from "./analysers/speculation";
import type { Analyser } from "./types";

export const ANALYSERS: readonly Analyser[] = [
  loadedLanguage,
  actorLabels,
  euphemism,
  scareQuotes,
  attribution,
  hedging,
  agentDeletion,
  exaggeration,
  speculation,
  persuasionCues,
];

export interface AnalyserInfo {
  id: string;
  version: number;
  description: string;
  defaultOn: boolean;
  tags: Analyser["tags"];
}

/** The registry as plain data, for settings pages and provenance. */
export function listAnalysers(): AnalyserInfo[] {
  return ANALYSERS.map(({ id, version, description, defaultOn, tags }) => ({ id, version, description, defaultOn, tags }));
}

export function findAnalyser(id: string): Analyser | undefined {
  return ANALYSERS.find((a) => a.id === id);
}
