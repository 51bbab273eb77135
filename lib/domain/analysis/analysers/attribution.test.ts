import { describe, expect, it } from "vitest";
import { run } from "../test-support";
import { attribution } from "./attribution";

const claims = (text: string) => run(attribution, text).map((p) => ({ span: text.slice(p.start, p.end), asserter: p.claim?.asserter, anonymous: p.reason.startsWith("anonymous") }));

describe("attribution", () => {
  it.each([
    ["X said that …", "The harbour master said that the gates had failed twice.", "The harbour master", false],
    ["a quotation with the speaker after it", "“The gates failed twice,” Mayor Ines Baptiste said.", "Mayor Ines Baptiste", false],
    ["an inverted speaker", "“The gates failed twice,” said the harbour master.", "the harbour master", false],
    ["an inverted speaker with a time after", "“The gates failed twice,” wrote reporter Ana Lobo on Friday.", "reporter Ana Lobo", false],
    ["an auxiliary and adverb between speaker and verb", "The ministry has repeatedly denied any delay.", "The ministry", false],
    ["according to", "According to the coast guard, nine boats sank.", "the coast guard", false],
    ["unnamed officials", "Senior officials warned that the dam could fail.", "Senior officials", true],
    ["unnamed sources after according to", "The fleet left port at dawn, according to sources.", "sources", true],
    ["a pronoun speaker", "He claimed the figures were invented.", "He", false],
    ["a verb of describing", "The harbour master described the repairs as a failure.", "The harbour master", false],
    ["a verb of condemning", "Fishing unions condemned the closure of the port.", "Fishing unions", false],
    ["call for", "The mayor called for calm after the flood.", "The mayor", false],
    ["call on", "Residents called on the council to reopen the road.", "Residents", true],
    ["a relative clause between speaker and verb", "The harbour master, who has run the port since 2009, said the gates had failed.", "The harbour master", false],
    ["a participle between speaker and verb", "Mayor Ines Baptiste, speaking at the quay on Friday, said repairs would take months.", "Mayor Ines Baptiste", false],
    ["quoted as saying", "The harbour master was quoted as saying the gates had failed.", "The harbour master", false],
    ["a prepositional phrase between speaker and verb", "Ana Lobo, in a statement on Friday, said repairs would take months.", "Ana Lobo", false],
    ["an appositive between speaker and verb", "Ana Lobo, the port's owner, warned that the gates would fail.", "Ana Lobo", false],
  ])("%s", (_name, text, asserter, anonymous) => {
    expect(claims(text)).toEqual([{ span: text, asserter, anonymous }]);
  });

  it.each([
    ["no verb of saying", "The gates failed twice in March."],
    ["a passive of saying (the hedging analyser's)", "The gates are said to have failed twice."],
    ["an infinitive of saying", "The mayor refused to say more."],
    ["a naming use of call", "The mayor called the flood a disaster."],
    ["a reply by deed", "The ministry responded with new tariffs."],
    ["a quotation between commas", "The mayor, “tired of waiting”, said nothing."],
    ["quoted as saying with no speaker before it", "Quoted as saying the gates had failed, the harbour master resigned."],
    ["a relative pronoun as speaker", "The report, which said little, was shelved."],
    ["an object after the verb that is no speaker", "The “experts” said two fishermen were lost."],
  ])("proposes nothing for %s", (_name, text) => {
    expect(claims(text)).toEqual([]);
  });

  it.each([
    ["the last full name in the paragraph", "Mayor Ines Baptiste toured the harbour. “The gates failed twice,” she said.", "Mayor Ines Baptiste", "‘she’ taken to be Mayor Ines Baptiste"],
    ["the pronoun itself when no full name comes before it", "The mayor toured the harbour. “The gates failed,” she said.", "she", "(a pronoun: say who in the claim)"],
    ["the pronoun itself when the name is in an earlier paragraph", "Ines Baptiste toured the harbour.\n\n“The gates failed,” she said.", "she", "(a pronoun: say who in the claim)"],
  ])("for a pronoun speaker, takes %s as asserter", (_name, text, asserter, reason) => {
    const proposals = run(attribution, text);
    expect(proposals.at(-1)?.claim).toEqual({ asserter });
    expect(proposals.at(-1)?.reason).toContain(reason);
  });

  it.each([
    ["a quotation over two sentences", "The dock flooded. “The gates failed twice. Nobody came,” the mayor said.", ["“The gates failed twice. Nobody came,” the mayor said."]],
    ["a quotation over three sentences in straight quotes", "The dock flooded. \"The gates failed. Nobody came. We waited,\" the mayor said.", ["\"The gates failed. Nobody came. We waited,\" the mayor said."]],
    ["a closed quotation before", "“The gates failed.” Nobody came, the mayor said.", ["Nobody came, the mayor said."]],
    ["a quotation opened in an earlier paragraph", "“The gates failed.\n\nNobody came,” the mayor said.", ["Nobody came,” the mayor said."]],
    ["a quotation opened in an attributed sentence", "“The gates failed,” she said. “Nobody came,” the mayor added.", ["“The gates failed,” she said.", "“Nobody came,” the mayor added."]],
  ])("spans %s with its attribution", (_name, text, spans) => {
    expect(run(attribution, text).map((p) => text.slice(p.start, p.end))).toEqual(spans);
  });

  it.each([
    ["after the post on its own line", "Crews worked all night.\n— Port of Vallera (@PortVallera) March 2, 2024\nThe port reopened.", "— Port of Vallera (@PortVallera) March 2, 2024", "Port of Vallera"],
    ["right after the post's link", "The port is closed pic.twitter.com/abc123— Ana Lobo (@analobo) January 3, 2021", "— Ana Lobo (@analobo) January 3, 2021", "Ana Lobo"],
  ])("proposes a social post's credit line %s", (_name, text, span, asserter) => {
    const line = run(attribution, text).find((p) => p.reason.startsWith("social post"));
    expect(line && { span: text.slice(line.start, line.end), asserter: line.claim?.asserter }).toEqual({ span, asserter });
  });

  it.each([
    ["a handle in parentheses after a verb", "He wrote to me (@ana) yesterday."],
    ["a handle with no dash before the name", "Follow Ana Lobo (@analobo) for updates."],
  ])("proposes no credit line for %s", (_name, text) => {
    expect(run(attribution, text).filter((p) => p.reason.startsWith("social post"))).toEqual([]);
  });

  it("proposes one claim per sentence, spanning the sentence, and flags unnamed sources in the reason", () => {
    const text = "Officials said the port would reopen. Nobody came.\n\nThe mayor said it would not, and added that repairs take months.";
    const proposals = run(attribution, text);
    expect(proposals.map((p) => text.slice(p.start, p.end))).toEqual(["Officials said the port would reopen.", "The mayor said it would not, and added that repairs take months."]);
    expect(proposals[0]?.reason).toBe("anonymous attribution: ‘Officials said’ names no one who can be checked");
    expect(proposals[1]?.reason).toBe("reported speech: ‘The mayor said’ credits the statement to The mayor");
  });
});
