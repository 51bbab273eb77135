import { describe, expect, it } from "vitest";
import { claimOf, differentClaims, onlySettingShared, type Claim } from "./claims";
import { splitClauses } from "./clauses";
import { sourceFeatures } from "./features";
import { segmentSentences } from "./sentences";

/** The claim of a one-sentence text, its clauses split and featured as align-all does it. */
function claim(text: string): Claim {
  const [sentence] = segmentSentences(text);
  const clauses = splitClauses(text, sentence!);
  const features = sourceFeatures(text, clauses);
  return claimOf(text, sentence!, clauses.map((span, i) => ({ span, subordinate: span.subordinate, features: features[i]! })));
}

const words = (set: ReadonlySet<string>) => [...set].filter((f) => f.startsWith("w:")).sort();

describe("claimOf", () => {
  it.each([
    ["the main verb is the act", "Orla Brandt offered her condolences to the families.", ["w:offer"]],
    ["a reporting verb frames the claim, it is not the act", "Orla Brandt said the company would cooperate with the inquiry.", ["w:cooperat"]],
    ["a relative clause tells something in passing", "The harbour's mayor, Ivo Rask, who toured the flooded quay on Monday, promised new funding for the fishermen.", ["w:promis"]],
    ["an adverbial clause tells something in passing", "Two dock workers were hurt on Monday, when a crane at the container terminal collapsed.", ["w:hurt"]],
    ["an adverbial clause with no comma before it tells something in passing", "Rescuers brought 180 passengers ashore after the ferry overturned near the harbour.", ["w:bring"]],
    ["a clause after ', but' is a second assertion", "The firm blamed the storm, but inspectors had found rust on the ship last year.", ["w:blam", "w:find"]],
    ["a quotation after 'said:' is the claim", "Orla Brandt said: “We will rebuild the pier.”", ["w:rebuild"]],
    ["a copula has no act", "The victim was a local fisherman.", []],
    ["an adjective predicated by 'be' is the act", "The port regulator was not happy with the ruling.", ["w:happy"]],
    ["a participle phrase opening the sentence tells something in passing", "Speaking at the harbour on Monday, Orla Brandt promised new funding.", ["w:promis"]],
    ["the word after a modal is a verb, whatever the tagger says", "The depot will close at the end of May.", ["w:clos"]],
    ["an adverbial clause inside a relative clause ends at its comma", "The depot, which has served the town since 1990, will shut next month.", ["w:shut"]],
    ["a reporting verb in the passive is an act: it says what was done to its subject", "The port regulator has been told about the spill.", ["w:tell"]],
    ["a reporting verb in the passive, negated", "The crews were not told about the change.", ["w:tell"]],
    ["a relative clause run on to the sentence's end keeps the predicate after its comma", "The Harlow Ports Authority, which runs the harbour, said it would not pay.", ["w:pay"]],
    ["a relative clause without a pronoun tells something in passing", "Orla Brandt apologised for the delays the strike would cause.", ["w:apologis"]],
    ["a relative clause's verb is no predicate for a participle before it", "The mayor apologised to residents for the delays the roadworks would cause.", ["w:apologis"]],
    ["a time noun before a clause opens no relative clause", "Last week the council voted to close the library.", ["w:clos", "w:vot"]],
    ["after 'told', the object's clause is the claim", "Officials told the crews the bridge would stay shut.", ["w:shut", "w:stay"]],
    ["a reduced relative clause with 'by' tells something in passing", "The homes damaged by the storm will be rebuilt.", ["w:rebuild"]],
    ["a participle after the subject, the predicate after it", "All 60 drivers employed at the depot will lose their jobs.", ["w:los"]],
    ["a participle after a noun in a phrase after a verb", "The club will write to all 2,400 fans affected.", ["w:writ"]],
    ["a past tense with an object after it is the main verb", "The council approved the plan on Monday.", ["w:approv"]],
    ["a past tense with no predicate after it is the main verb", "The ship sank off the cape.", ["w:sink"]],
    ["a noun in '-s' closing a phrase after a preposition is no verb", "The council has inspected the pumps at its sewage works.", ["w:inspect"]],
    ["a word's hyphen breaks no clause before a participle after its noun", "The club will write to all twenty-two fans affected.", ["w:writ"]],
    ["'have' with an object is the act", "The depot has more than 60 drivers.", ["w:hav"]],
    ["'have' before a participle is an auxiliary, an adverb between", "The council has already closed the road.", ["w:clos"]],
    ["the 'be' of 'there is' is the act", "There were 40 boats in the harbour.", ["w:be"]],
  ])("%s", (_, text, acts) => {
    expect(words(claim(text).acts)).toEqual(acts);
  });

  it("keeps content words of the claim, not role words, reporting verbs or what is told in passing", () => {
    const content = claim("The harbour's chief executive, Orla Brandt, who inspected the damaged pier on Monday, announced that the ferry service would resume its night crossings.").content;
    expect([...content]).toEqual(expect.arrayContaining(["w:resum", "w:night"]));
    expect([...content]).not.toEqual(expect.arrayContaining(["w:pier"]));
    expect([...content].some((f) => f.startsWith("w:announc"))).toBe(false);
    expect(claim("Company spokesman Piet Laar confirmed the figure.").content.has("w:spokesman")).toBe(false);
  });

  it.each([
    ["the subject of an active clause after a reporting verb", "Mayor Ivo Rask said the council would review the contract.", "w:council", false],
    ["the subject of an active clause with no reporting verb", "The council reviewed the contract on Monday.", "w:council", false],
    ["a subject the claim names again after its verb", "The council said the council would pay.", "w:council", true],
    ["the subject of a passive clause is what is acted on", "Home addresses and phone numbers were stolen.", "w:address", true],
    ["a speaker's description before the reporting verb", "Lena Roy, the dockers' union organiser, said crews were exhausted.", "w:union", true],
    ["the US is a name, though its feature is a word", "US officials said the sanctions would stay.", "w:america", false],
    ["a participle clause that is the predicate", "Harlow Ferries, founded in 1990, cancelled its crossings.", "w:cancel", true],
    ["a thing the claim's object includes, after ', including'", "Thieves took jewels from the gallery, including a silver brooch.", "w:brooch", false],
    ["a thing the claim's object includes, after ', among them'", "The storm damaged six boats, among them a lifeboat.", "w:lifeboat", false],
    ["a thing the claim's object includes, after ', such as'", "The storm damaged small craft, such as lifeboats and dinghies.", "w:lifeboat", false],
    ["a thing named after ', including' when the splitter took it for the predicate (after an appositive)", "Thieves took jewels from the Orrin collection, a set of brooches and rings, including a brooch worn at a coronation.", "w:coronat", false],
    ["a sentence opening with 'among them' asserts what follows", "Among them was a silver brooch.", "w:brooch", true],
    ["an appositive describing the claim's object", "Thieves took jewels from the Orrin collection, a set of silver brooches found by a diver in 1960, before escaping through a window.", "w:brooch", false],
    ["a count in a definite noun phrase is known already", "After the ferry docked, the 212 passengers walked down the gangway.", "n:212", false],
    ["a count after a possessor is known already", "The hospital's 900 nurses went on strike.", "n:900", false],
    ["a count joined to a definite one by 'and'", "The 212 passengers and nine crew left by the gangway.", "n:9", false],
    ["a count with no article is asserted", "Some 900 nurses went on strike.", "n:900", true],
    ["a count the claim also asserts without an article", "The 212 passengers were all saved, and 212 passengers is the ferry's limit.", "n:212", true],
  ])("content: %s", (_, text, feature, kept) => {
    expect(claim(text).content.has(feature)).toBe(kept);
  });
});

describe("claimOf: counts", () => {
  it.each([
    ["an object of a planned act, with its relative clause", "The club will refund all 2,400 fans whose addresses were stolen.", "n:2400", "w:refund", true, ["w:fan", "w:address"]],
    ["in a prepositional phrase after a deed", "Hackers stole the addresses of about 2,400 fans before the final.", "n:2400", "w:steal", false, ["w:fan"]],
    ["the subject of a planned act", "The 60 staff at the depot could lose their jobs.", "n:60", "w:los", true, ["w:staf"]],
    ["a possessor before the number", "The hospital's 900 nurses went on strike.", "n:900", "w:go", false, ["w:hospital", "w:nurs"]],
    ["the subject of a planned act, a participle after its noun", "All 60 drivers employed at the depot will lose their jobs.", "n:60", "w:los", true, ["w:driver"]],
    ["a partitive: what is counted follows 'of'", "The council has repaired 40 of its footbridges.", "n:40", "w:repair", false, ["w:footbridg"]],
  ])("%s", (_, text, count, act, planned, phrase) => {
    const stated = claim(text).counts.get(count);
    expect(stated).toBeDefined();
    expect([...stated!.acts].some((f) => f.startsWith(act))).toBe(true);
    expect(stated!.planned).toBe(planned);
    expect([...stated!.phrase]).toEqual(expect.arrayContaining(phrase));
  });

  it.each([
    ["the noun before the verb group", "The council has repaired 40 footbridges.", "council"],
    ["a pronoun after a reporting verb stands for the speaker", "Engineers say they will repair 40 footbridges.", "engineers"],
    ["a pronoun after a reporting verb and 'that'", "Engineers said that they would repair 40 footbridges.", "engineers"],
    ["no actor when the count is the subject", "40 footbridges will be repaired.", undefined],
  ])("the actor: %s", (_, text, actor) => {
    expect(claim(text).counts.get("n:40")?.actor).toBe(actor);
  });

  it("leaves durations out", () => {
    expect(claim("The road will stay closed for three weeks.").counts.size).toBe(0);
  });
});

describe("differentClaims", () => {
  it.each([
    ["one speaker, two claims", "Chief executive Orla Brandt offered her condolences.", "Orla Brandt, the chief executive, said the company would cooperate with investigators.", true],
    ["one minister: the visit told in passing, the promise asserted", "Minister Ivo Rask visited the harbour on Monday.", "Transport Minister Ivo Rask, who visited the harbour on Monday, promised a public inquiry.", true],
    ["the rescue, and the capsizing told in passing in an adverbial clause", "Rescuers brought 180 passengers ashore after the ferry overturned near the harbour.", "The ferry overturned in a storm near the harbour.", true],
    ["one claim, reworded acts sharing a synonym class", "Harlow Freight suspended its night services.", "Harlow Freight has halted its night trains.", false],
    ["different acts, but the claims share a content word", "Minister Ivo Rask promised an inquiry into the collapse.", "Ivo Rask ordered an inquiry.", false],
    ["different acts, but the claims share a count", "Orla Brandt said 40 jobs would go.", "Orla Brandt warned that 40 staff could leave.", false],
    ["a passage with no act is never held apart", "Orla Brandt was the harbour's chief executive.", "Orla Brandt resigned on Friday.", false],
    ["one regulator: told about the spill, opening an inquiry", "The Coastal Regulator said it had opened an inquiry.", "The Coastal Regulator has been told about the spill.", true],
    ["one council, two claims after its leader's name", "Council leader Ivo Rask said the council would review the contract.", "Ivo Rask said the council had followed legal advice.", true],
    ["a passive subject is shared content", "Home addresses and phone numbers were stolen.", "The stolen files include home addresses.", false],
    ["one count, a plan and a deed", "The club will refund all 2,400 fans who lost their deposits.", "Hackers stole the addresses of about 2,400 fans before the final.", true],
    ["one count, a plan and a deed, a participle after the planned act's noun", "The club will write to all 2,400 fans affected.", "Hackers stole the addresses of about 2,400 fans before the final.", true],
    ["one count, two plans, a participle after the subject's noun", "All 60 drivers employed at the depot will lose their jobs.", "Harlow Freight said 60 jobs would go at the depot.", false],
    ["one count, two deeds worded apart", "Two drivers were hurt in the crash.", "Two motorists suffered minor injuries.", false],
    ["one count, a plan and a deed whose acts agree", "The mill will cut 300 jobs.", "The mill has already cut 300 jobs.", false],
    ["one count, a deed and another actor's plan of the same act", "The council has repaired 40 footbridges, its leader said.", "Engineers say they will repair 40 footbridges.", true],
    ["one count, a plan and a deed told with a partitive", "The council has inspected 40 of its footbridges.", "The county will repair 40 of the footbridges.", true],
    ["one speaker's two claims, what they share named in a relative clause without a pronoun", "Orla Brandt apologised for the delays the strike would cause.", "Orla Brandt called the strike an attack on passengers.", true],
    ["one authority's two claims, its predicate after a relative clause", "The Harlow Ports Authority, which runs the harbour, said it would not pay.", "Hackers broke into the Harlow Ports Authority's network through an old server.", true],
    ["a year named only in an adverbial clause told in passing", "The Orrin sawmill shut in 2011 with the loss of 90 jobs.", "Mayor Ann Lee called it the worst day for the valley since its sawmill shut in 2011.", true],
    ["a year in the claim itself stays shared", "The Orrin sawmill shut in 2011 with the loss of 90 jobs.", "Mayor Ann Lee said the valley had not recovered since 2011.", false],
    ["one leader's two claims about the US", "Premier Adan Kole praised the US for its aid.", "Adan Kole said the US would pay for its sanctions.", true],
    ["one judge's two claims, an opening participle phrase and a predicate adjective", "Sentencing the ferry company at Harlow Crown Court, Judge Ann Lee said the sinking had been entirely avoidable.", "Passing sentence at Harlow Crown Court, Judge Ann Lee called the company's safety checks wholly inadequate.", true],
    ["an event named in passing after a time preposition", "The ferry firm was fined in 2019.", "The ferry firm has bought two new boats since the 2019 penalty.", true],
    ["one operator's two claims, what they share named in a relative clause after the subject", "Harlow Ferries, which runs the island crossing, said it was disappointed by the ruling.", "Harlow Ferries, the crossing's operator, said it would appeal.", true],
    ["an owner named in a reduced relative clause between the subject and its predicate", "Harlow Ferries, owned by a group of investors, was ordered to pay compensation.", "Harlow Ferries has been owned by a group of investors since 2015.", true],
    ["a count known already, and the sentence asserting it", "After the ferry docked, the 212 passengers walked down the gangway.", "There were 212 passengers on board.", true],
    ["a count known already on both sides: what is said of them decides", "The 212 passengers walked down the gangway.", "The 212 passengers were taken ashore down the gangway.", false],
    ["the staff a hospital has, and what its staff did", "The hospital's 900 nurses have gone back to paper records.", "The hospital has about 900 nurses.", true],
    ["a thing named after ', including', and a sentence about it", "Thieves took jewels from the gallery, including a silver brooch worn at a coronation.", "The silver brooch worn at a coronation has appeared in every guidebook since 1990.", true],
    ["a thing described in an appositive after the object, and a sentence telling it", "Thieves took jewels from the Orrin collection, a set of silver brooches found by a diver in 1960, before escaping through a window.", "The silver brooches were found by a diver in 1960.", true],
  ])("%s", (_, a, b, expected) => {
    expect(differentClaims(claim(a), claim(b))).toBe(expected);
    expect(differentClaims(claim(b), claim(a))).toBe(expected);
  });
});

describe("onlySettingShared", () => {
  it.each([
    ["two acts of one night sharing only its time phrase", "Thieves broke in through a skylight in the roof in the early hours of Sunday.", "Four gilt paintings were taken from the east wing in the early hours of Sunday.", true],
    ["two acts sharing a day and a time of day", "Firefighters reached the old mill by the river on Tuesday night.", "The blaze destroyed two timber warehouses on Tuesday night.", true],
    ["two acts sharing a date", "The harbour wall was breached by high waves on 4 March.", "Ferry services to the islands were suspended on 4 March.", true],
    ["the same act: one fact, not only its time", "Four gilt paintings were stolen from the east wing in the early hours of Sunday.", "Thieves stole the paintings from a side room in the early hours of Sunday.", false],
    ["a content word shared besides the time", "Thieves broke into the east wing through the roof in the early hours of Sunday.", "Four gilt paintings were taken from the east wing in the early hours of Sunday.", false],
    ["one side tells little but its act and time: a paraphrase may differ only there", "The Orrin dam gave way on Monday night.", "Engineers argued in the capital over the repair bill on Monday night.", false],
    ["one side tells nothing but its act and time", "Staff were informed on Tuesday morning.", "Staff heard the news at a meeting in the canteen on Tuesday morning.", false],
    ["nothing shared at all is not a shared setting", "Thieves broke in through a skylight in the roof.", "Four gilt paintings were taken from the east wing.", false],
    ["two acts sharing only a year", "A similar attack on the Orrin clinic in 2019 forced it to cancel operations.", "The Orrin clinic attack of 2019 began with an outdated server, investigators found.", true],
    ["a year shared, one side telling little but its act", "The council approved the plans in 2019.", "Orrin council granted the permission in 2019.", false],
    ["a count in the range of years is no year", "Orrin Foods will cut 1,500 jobs at its bakeries.", "Union members at the depots said 1,500 drivers would walk out over pensions.", false],
  ])("%s", (_, a, b, expected) => {
    expect(onlySettingShared(claim(a), claim(b))).toBe(expected);
    expect(onlySettingShared(claim(b), claim(a))).toBe(expected);
  });
});
