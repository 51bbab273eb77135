/** For the cue patterns' table tests: the words a pattern marks in a text. */
import { readDocument } from "../document";
import type { CuePattern } from "./cue-pattern";

export function cues(pattern: CuePattern, text: string): string[] {
  return pattern.find(readDocument(text)).map((s) => text.slice(s.start, s.end));
}
