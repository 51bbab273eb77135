/**
 * Persuasion techniques with a lexical cue (Da San Martino et al. 2019's set as in the default
 * taxonomy), from the lexicon. Exaggeration/minimisation comes from the exaggeration analyser.
 * What no cue can find is listed, with the reason, in UNDETECTED_TECHNIQUES.
 */
import { BANDWAGON_PATTERNS } from "../cues/bandwagon";
import { DOUBT_PATTERNS } from "../cues/doubt";
import { SINGLE_CAUSE_PATTERNS } from "../cues/single-cause";
import { SLOGAN_PATTERNS } from "../cues/slogans";
import { WHATABOUTISM_PATTERNS } from "../cues/whataboutism";
import { lexiconAnalyser } from "./lexicon-analyser";

export const persuasionCues = lexiconAnalyser({
  id: "persuasion-cues",
  version: 6,
  description: "Persuasion techniques with a word or phrase cue: name calling, loaded language, doubt (\"so-called\", \"baseless\", \"finally admitted\"), flag-waving, slogans, appeal to fear, causal oversimplification (\"all because of\", \"he alone\"), thought-terminating clichés, whataboutism, reductio ad hitlerum, bandwagon.",
  defaultOn: true,
  categories: [
    "pejorative-label",
    "laudatory-label",
    "emotive-event",
    "emotive-evaluation",
    "violent-act",
    "horror-evaluation",
    "emotional-state",
    "war-metaphor",
    "money-as-theft",
    "cuts-as-violence",
    "health-alarm",
    "politics-as-foul-play",
    "conduct-judgement",
    "doubt",
    "flag-waving",
    "fear",
    "slogan",
    "cliche",
    "single-cause",
    "whataboutism",
    "hitler",
    "bandwagon",
  ],
  set: "Persuasion techniques",
  tags: [
    { set: "Persuasion techniques", tag: "Name calling/labeling" },
    { set: "Persuasion techniques", tag: "Loaded language" },
    { set: "Persuasion techniques", tag: "Doubt" },
    { set: "Persuasion techniques", tag: "Flag-waving" },
    { set: "Persuasion techniques", tag: "Appeal to fear/prejudice" },
    { set: "Persuasion techniques", tag: "Slogans" },
    { set: "Persuasion techniques", tag: "Thought-terminating cliché" },
    { set: "Persuasion techniques", tag: "Causal oversimplification" },
    { set: "Persuasion techniques", tag: "Whataboutism" },
    { set: "Persuasion techniques", tag: "Reductio ad hitlerum" },
    { set: "Persuasion techniques", tag: "Bandwagon" },
  ],
  patterns: [...DOUBT_PATTERNS, ...SINGLE_CAUSE_PATTERNS, ...BANDWAGON_PATTERNS, ...WHATABOUTISM_PATTERNS, ...SLOGAN_PATTERNS],
});

/** Persuasion techniques of the default taxonomy that no analyser proposes, and why. */
export const UNDETECTED_TECHNIQUES: readonly { tag: string; why: string }[] = [
  { tag: "Repetition", why: "Needs judging which repeated message is meant to stick; repeated names and facts are normal in news and would swamp the proposals." },
  { tag: "Black-and-white fallacy", why: "Whether other options exist is a judgement about the world; cues like \"either … or\" are mostly innocent." },
  { tag: "Appeal to authority", why: "Citing officials and experts is what news does; telling a fallacious appeal from sourcing needs knowing whether the authority is relevant." },
  { tag: "Straw man", why: "Needs the opponent's actual position to compare with the one attacked; no word marks it." },
  { tag: "Red herring", why: "Relevance to the issue under discussion is not visible in the words." },
];
