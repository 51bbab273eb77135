/**
 * The relation types every comparison starts with. The key is stable (the report reads
 * "evidence" and "contradicts" by it); the name is what reviewers see and editors may change.
 */
export const DEFAULT_RELATION_TYPES = [
  { key: "evidence", name: "has evidence", hint: "from a claim to the annotation that supports or refutes it" },
  { key: "speaker", name: "said by", hint: "from a quote to the annotation naming who said it" },
  { key: "contradicts", name: "contradicts", hint: "one account against another, often in another outlet" },
  { key: "same-as", name: "same as", hint: "the same claim or fact told in two places" },
] as const;

export type DefaultRelationKey = (typeof DEFAULT_RELATION_TYPES)[number]["key"];
