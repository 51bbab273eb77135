/** Word lists the syntactic analysers share: verbs of saying and nouns for unnamed sources. */

/** Lemmas of verbs that report what someone said or wrote. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  "say", "tell", "claim", "allege", "state", "warn", "announce", "insist", "add", "argue", "assert",
  "declare", "deny", "confirm", "report", "write", "tweet", "accuse", "vow", "threaten", "stress",
  "note", "explain", "acknowledge", "admit", "maintain", "suggest", "urge", "reiterate", "emphasise",
  "emphasize", "boast", "pledge", "predict", "reply", "comment", "remark", "contend", "charge",
  "recall",
]);

/**
 * More verbs that report a statement ("described the strike as …", "condemned", "asked"), for
 * the attribution analyser beside SPEECH_VERBS. The scare-quotes analyser keeps to
 * SPEECH_VERBS: after these the quoted words may still be the writer's ("praised the
 * “reforms”").
 */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  ...SPEECH_VERBS, "describe", "condemn", "denounce", "hail", "praise", "blame", "criticise", "criticize",
  "ask", "retort", "promise", "demand", "express", "voice", "reveal", "disclose", "estimate",
  "concede", "recount", "mention", "observe", "highlight", "underline", "underscore", "complain",
  "lament", "propose", "assure", "caution", "inform", "hint", "proclaim", "testify", "chant", "shout",
]);

/** Lemmas of verbs that report how someone named something ("called it a crime", "dubbed"). */
export const NAMING_VERBS: ReadonlySet<string> = new Set(["describe", "call", "dub", "brand", "label", "term", "name", "quote", "nickname"]);

/**
 * Head nouns of a source that names no one ("officials said", "sources say"): the reader
 * cannot tell who speaks, however the noun is modified ("senior US officials").
 */
export const UNNAMED_SOURCES: ReadonlySet<string> = new Set([
  "official", "source", "diplomat", "analyst", "expert", "observer", "report", "medium", "insider",
  "people", "person", "witness", "critic", "aide", "spokesman", "spokeswoman", "spokesperson",
  "commentator", "some", "many", "others", "officer", "authority", "activist", "resident", "reporter",
  "intelligence",
]);
