import { getDefaultTagSet } from "../taxonomy";

/**
 * The propaganda-technique corpus's technique names (Da San Martino et al.; the 14 classes
 * of the SemEval-2020 shared task, and the 18 of the 2019 corpus they merge) against the
 * tags of the default "Persuasion techniques" tag set.
 *
 * A merged class ("Whataboutism,Straw_Men,Red_Herring") stands for any one of its tags:
 * it is read as all of them (the corpus does not say which one), and any of them is
 * written as it. The 2019 names of the classes the 2020 task merged are read too;
 * obfuscation, which the 2020 task dropped, is written with its 2019 name.
 */
export const PERSUASION_TECHNIQUES_SET = getDefaultTagSet("persuasion-techniques").name;

interface Technique {
  label: string;
  tags: readonly string[];
  /** Written on export; the others are only read. */
  written: boolean;
}

const TECHNIQUES: readonly Technique[] = [
  { label: "Name_Calling,Labeling", tags: ["Name calling/labeling"], written: true },
  { label: "Loaded_Language", tags: ["Loaded language"], written: true },
  { label: "Exaggeration,Minimisation", tags: ["Exaggeration/minimisation"], written: true },
  { label: "Doubt", tags: ["Doubt"], written: true },
  { label: "Flag-Waving", tags: ["Flag-waving"], written: true },
  { label: "Appeal_to_fear-prejudice", tags: ["Appeal to fear/prejudice"], written: true },
  { label: "Causal_Oversimplification", tags: ["Causal oversimplification"], written: true },
  { label: "Slogans", tags: ["Slogans"], written: true },
  { label: "Appeal_to_Authority", tags: ["Appeal to authority"], written: true },
  { label: "Black-and-White_Fallacy", tags: ["Black-and-white fallacy"], written: true },
  { label: "Thought-terminating_Cliches", tags: ["Thought-terminating cliché"], written: true },
  { label: "Whataboutism,Straw_Men,Red_Herring", tags: ["Whataboutism", "Straw man", "Red herring"], written: true },
  { label: "Bandwagon,Reductio_ad_hitlerum", tags: ["Bandwagon", "Reductio ad hitlerum"], written: true },
  { label: "Repetition", tags: ["Repetition"], written: true },
  { label: "Obfuscation,Intentional_Vagueness,Confusion", tags: ["Obfuscation/vagueness"], written: true },
  { label: "Whataboutism", tags: ["Whataboutism"], written: false },
  { label: "Straw_Men", tags: ["Straw man"], written: false },
  { label: "Red_Herring", tags: ["Red herring"], written: false },
  { label: "Bandwagon", tags: ["Bandwagon"], written: false },
  { label: "Reductio_ad_hitlerum", tags: ["Reductio ad hitlerum"], written: false },
];

const key = (name: string) => name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/** The technique names a corpus file may use, as written. */
export const TECHNIQUE_LABELS: readonly string[] = TECHNIQUES.map((t) => t.label);

/** The tags of the "Persuasion techniques" set a technique name stands for; null for a name the corpus does not have. */
export function tagsOfTechnique(label: string): readonly string[] | null {
  return TECHNIQUES.find((t) => t.label === label.trim())?.tags ?? null;
}

/** The technique name a tag of the "Persuasion techniques" set is written as; null for a tag the corpus has no name for. */
export function techniqueOfTag(tag: string): string | null {
  return TECHNIQUES.find((t) => t.written && t.tags.some((name) => key(name) === key(tag)))?.label ?? null;
}

/** Whether a tag set is the persuasion techniques set (by name, ignoring case and spacing). */
export function isPersuasionTechniquesSet(tagSet: string): boolean {
  return key(tagSet) === key(PERSUASION_TECHNIQUES_SET);
}
