/**
 * The tag sets every new comparison starts with (PRODUCT.md, "Default taxonomies").
 * Plain data: the seed and "create comparison" copy it into TagSet/Tag rows, after which
 * each comparison edits its own copy. Keys are stable identifiers; names, descriptions
 * and colours are what reviewers see and may change per comparison.
 *
 * Colours are light highlight backgrounds for black text (contrast ≥ 7:1, WCAG AAA),
 * spread around the hue circle with alternating lightness so neighbours stay apart.
 */

export const TAXONOMY_SET_KEYS = ["framing-devices", "frame-dimensions", "persuasion-techniques"] as const;

export type TaxonomySetKey = (typeof TAXONOMY_SET_KEYS)[number];

export interface DefaultTag {
  /** Label shown in the UI and used to match tags on import. */
  readonly name: string;
  /** Coding guideline: when to apply the tag and how it differs from its nearest neighbour. */
  readonly description: string;
  /** Highlight colour, `#rrggbb`. */
  readonly color: string;
}

export interface DefaultTagSet {
  readonly key: TaxonomySetKey;
  readonly name: string;
  readonly description: string;
  readonly tags: readonly DefaultTag[];
}

const FRAMING_DEVICES: DefaultTagSet = {
  key: "framing-devices",
  name: "Framing devices",
  description:
    "Word- and structure-level choices an outlet makes in telling the facts: which words, whose voices, what is left out.",
  tags: [
    {
      name: "Loaded language",
      description:
        "A word chosen for its emotional charge where a neutral word would report the same fact (\"slaughter\" for \"killing\"). If the charged word names a person or group, use Labeling instead.",
      color: "#f5aea3",
    },
    {
      name: "Euphemism",
      description:
        "A mild or technical phrase that softens or hides something harmful (\"collateral damage\"). The opposite direction of loaded language; tag the softened phrase, not the sentence around it.",
      color: "#f2d588",
    },
    {
      name: "Labeling",
      description:
        "The name or category an outlet gives a person or group (\"militants\", \"activists\", \"officials\"). Tag it when another source names the same actor differently.",
      color: "#daf5a3",
    },
    {
      name: "Scare quotes",
      description:
        "Quotation marks used to distance the outlet from a word or cast doubt on it, rather than to report what someone said. A faithful quotation with a named speaker is Attribution, not scare quotes.",
      color: "#8ff288",
    },
    {
      name: "Attribution",
      description:
        "Who a statement is credited to (\"according to\", \"said\", \"sources say\"), including vague or missing attribution. Note whether the source is named, interested or independent.",
      color: "#a3f5cf",
    },
    {
      name: "Passive voice / agent deletion",
      description:
        "A construction that reports an action without saying who did it (\"shots were fired\", \"mistakes were made\"). Apply only when the agent is known or knowable from other sources.",
      color: "#88e4f2",
    },
    {
      name: "Omission",
      description:
        "A relevant fact that this source leaves out while others report it. Usually recorded on a fact row without a passage for this source; tag a span only where the gap is conspicuous.",
      color: "#a3b9f5",
    },
    {
      name: "Selection of sources",
      description:
        "Whose voices the article quotes and whose it leaves out, e.g. only officials or only critics. About the mix of sources in the whole piece, where Attribution is about one statement.",
      color: "#ab88f2",
    },
    {
      name: "Headline/lead emphasis",
      description:
        "What the headline or first paragraph puts first and so makes the story about. Tag the lead when it foregrounds an aspect that other sources treat as secondary.",
      color: "#efa3f5",
    },
    {
      name: "Speculation stated as fact",
      description:
        "A cause, motive or prediction asserted without hedging or evidence (\"the cuts were made to protect profits\"). If the statement is hedged (\"may\", \"could\"), it is not this tag.",
      color: "#f288b9",
    },
  ],
};

const FRAME_DIMENSIONS: DefaultTagSet = {
  key: "frame-dimensions",
  name: "Frame dimensions",
  description:
    "The issue dimensions of the Media Frames Corpus (Boydstun et al.): which angle on the issue a passage takes.",
  tags: [
    {
      name: "Economic",
      description:
        "Costs, benefits, prices, markets, jobs or other financial consequences. Funding and staffing of a public body belong to Capacity and resources.",
      color: "#f2a788",
    },
    {
      name: "Capacity and resources",
      description:
        "Whether there are enough people, money, equipment or time to deal with the issue. Choose Economic when the focus is wider financial impact rather than means available.",
      color: "#f4d99a",
    },
    {
      name: "Morality",
      description:
        "Right and wrong, duty, religion or ethics as such. When the moral point is about equal treatment of groups, prefer Fairness and equality.",
      color: "#e7f288",
    },
    {
      name: "Fairness and equality",
      description:
        "Whether people or groups are treated equally, who bears the burden and who is spared. Distinct from Legality: the argument is about justice, not about what the law says.",
      color: "#c7f49a",
    },
    {
      name: "Legality, constitutionality and jurisprudence",
      description:
        "Laws, rights, court rulings, legal powers and their limits. Prosecution and sentencing of an offence go under Crime and punishment.",
      color: "#92f288",
    },
    {
      name: "Policy prescription and evaluation",
      description:
        "Whether a policy works, and what should be done instead or next. Tag calls for inquiries, reforms or specific measures.",
      color: "#9af4b5",
    },
    {
      name: "Crime and punishment",
      description:
        "Breaking the law, blame in a criminal sense, enforcement and penalties. Plain wrongdoing without a legal angle is Morality.",
      color: "#88f2d2",
    },
    {
      name: "Security and defense",
      description:
        "Threats to a nation, a community or its infrastructure, and protection against them. Risks to people's bodies and health go under Health and safety.",
      color: "#9aebf4",
    },
    {
      name: "Health and safety",
      description:
        "Injury, illness, death, disease and physical danger to people, and care for them. Use Security and defense when the threat is an enemy or attack.",
      color: "#88bdf2",
    },
    {
      name: "Quality of life",
      description:
        "Effects on everyday life: housing, comfort, disruption, wellbeing of individuals and families. Use Economic when the effect is stated in money.",
      color: "#9aa3f4",
    },
    {
      name: "Cultural identity",
      description:
        "Traditions, customs, values and the identity of a nation, region or group. Public mood about this story in particular is Public opinion.",
      color: "#a788f2",
    },
    {
      name: "Public opinion",
      description:
        "What the public, voters or a community think or feel about the issue: polls, protests, anger, support. A politician's position belongs to Political.",
      color: "#d99af4",
    },
    {
      name: "Political",
      description:
        "Parties, elections, politicians' manoeuvring and who gains or loses politically. The merits of a policy itself belong to Policy prescription and evaluation.",
      color: "#f288e7",
    },
    {
      name: "External regulation and reputation",
      description:
        "Relations with outsiders: other countries, international bodies, trading partners, and how the place or organisation looks to them.",
      color: "#f49ac7",
    },
    {
      name: "Other",
      description: "A clear frame that fits none of the dimensions above; say which in the comment.",
      color: "#f28892",
    },
  ],
};

const PERSUASION_TECHNIQUES: DefaultTagSet = {
  key: "persuasion-techniques",
  name: "Persuasion techniques",
  description:
    "Rhetorical and propaganda techniques from the literature (e.g. Da San Martino et al. 2019): how a passage tries to move the reader.",
  tags: [
    {
      name: "Name calling/labeling",
      description:
        "Attaching a label the audience already fears, hates or admires to a person or group. The label carries the argument; a charged word about an event rather than an actor is Loaded language.",
      color: "#f39791",
    },
    {
      name: "Loaded language",
      description:
        "Words or phrases with strong emotional implications used to sway the reader. Apply to the words themselves, not to a whole argument.",
      color: "#f8d6bf",
    },
    {
      name: "Exaggeration/minimisation",
      description:
        "Representing something as much larger or much smaller than the facts support. Compare with the figures in the other sources before tagging.",
      color: "#f3d991",
    },
    {
      name: "Appeal to fear/prejudice",
      description:
        "Building support or rejection by stoking anxiety, panic or existing prejudice about what will happen. Exaggerating a number without invoking a threat is Exaggeration/minimisation.",
      color: "#f4f8bf",
    },
    {
      name: "Flag-waving",
      description:
        "Appealing to patriotism or group pride (a nation, a city, \"our\" community) to justify a position.",
      color: "#ccf391",
    },
    {
      name: "Doubt",
      description:
        "Questioning someone's credibility or an institution's good faith rather than the claim itself. If it attacks by comparison with another wrong, see Whataboutism.",
      color: "#cef8bf",
    },
    {
      name: "Repetition",
      description:
        "Repeating the same message or phrase so that it sticks. Tag the later occurrences and mention the first in the comment.",
      color: "#91f397",
    },
    {
      name: "Slogans",
      description:
        "A brief, striking phrase that works as a rallying cry, often with labeling or stereotyping. A phrase that closes discussion instead of rallying is a Thought-terminating cliché.",
      color: "#bff8d6",
    },
    {
      name: "Causal oversimplification",
      description:
        "Assigning a single cause to an outcome that has several, or treating a sequence as causation. If the cause is simply asserted without evidence, also consider Speculation stated as fact.",
      color: "#91f3d9",
    },
    {
      name: "Black-and-white fallacy",
      description:
        "Presenting two options as the only ones when others exist, or one side as wholly right.",
      color: "#bff4f8",
    },
    {
      name: "Appeal to authority",
      description:
        "Treating a claim as true because an authority or expert says so, without further evidence, especially when the authority is out of their field or unnamed.",
      color: "#91ccf3",
    },
    {
      name: "Whataboutism",
      description:
        "Deflecting criticism by pointing to the critic's or someone else's wrongdoing rather than answering it. An unrelated topic without an accusation is a Red herring.",
      color: "#bfcef8",
    },
    {
      name: "Straw man",
      description:
        "Replacing an opponent's actual position with a weaker or distorted one and refuting that instead.",
      color: "#9791f3",
    },
    {
      name: "Red herring",
      description:
        "Introducing irrelevant material to divert attention from the issue being discussed.",
      color: "#d6bff8",
    },
    {
      name: "Reductio ad hitlerum",
      description:
        "Discrediting an idea or person by associating it with a group or figure the audience despises (Nazis being the classic case).",
      color: "#d991f3",
    },
    {
      name: "Thought-terminating cliché",
      description:
        "A stock phrase that discourages critical thought and ends the discussion (\"it is what it is\", \"accidents happen\").",
      color: "#f8bff4",
    },
    {
      name: "Bandwagon",
      description:
        "Urging the reader to agree because everyone, or a whole group, supposedly already does. A single reported opinion is Public opinion framing, not bandwagon.",
      color: "#f391cc",
    },
    {
      name: "Obfuscation/vagueness",
      description:
        "Deliberately unclear wording that lets the reader draw their own conclusion or avoids committing to a claim. A softened label for harm is Euphemism.",
      color: "#f8bfce",
    },
  ],
};

export const DEFAULT_TAXONOMY: readonly DefaultTagSet[] = [FRAMING_DEVICES, FRAME_DIMENSIONS, PERSUASION_TECHNIQUES];

/** The default set with the given key. */
export function getDefaultTagSet(key: TaxonomySetKey): DefaultTagSet {
  const set = DEFAULT_TAXONOMY.find((s) => s.key === key);
  if (!set) throw new Error(`Unknown default tag set: ${key}`);
  return set;
}

/** The default tag with the given name in the given set, or undefined. Names match exactly. */
export function findDefaultTag(key: TaxonomySetKey, name: string): DefaultTag | undefined {
  return getDefaultTagSet(key).tags.find((t) => t.name === name);
}
