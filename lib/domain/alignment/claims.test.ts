import { describe, expect, it } from "vitest";
import { claimOf, differentClaims, type Claim } from "./claims";
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
    ["a reporting verb in the passive is an act: it says what was done to its subject", "The port regulator has been told about the spill.", ["w:tell"]],
    ["a reporting verb in the passive, negated", "The crews were not told about the change.", ["w:tell"]],
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
  ])("content: %s", (_, text, feature, kept) => {
    expect(claim(text).content.has(feature)).toBe(kept);
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
    ["one leader's two claims about the US", "Premier Adan Kole praised the US for its aid.", "Adan Kole said the US would pay for its sanctions.", true],
  ])("%s", (_, a, b, expected) => {
    expect(differentClaims(claim(a), claim(b))).toBe(expected);
    expect(differentClaims(claim(b), claim(a))).toBe(expected);
  });
});
