import { describe, expect, it } from "vitest";
import { marked, run } from "../test-support";
import { scareQuotes } from "./scare-quotes";

describe("scare-quotes", () => {
  it.each([
    ["a word in curly quotes", "The council praised the “reforms” that closed three clinics.", ["“reforms”"]],
    ["a short phrase in straight quotes", 'Their "peace plan" left the border open.', ['"peace plan"']],
    ["single curly quotes with an apostrophe inside", "The town’s ‘rescue’s legacy’ was debt.", ["‘rescue’s legacy’"]],
    ["a word at the start of a sentence, capitalised", "“Experts” then flew in from abroad.", ["“Experts”"]],
    ["a quoted utterance with a speaker", "“We will rebuild,” the mayor said.", []],
    ["a short quote in a sentence with a verb of saying", "The minister told reporters the plan was “fair”.", []],
    ["a quote credited with according to", "The damage was “modest”, according to the insurer.", []],
    ["a name given with a naming verb", "The group dubbed the march “Freedom Day” and the route “home”.", []],
    ["a title in capitals mid-sentence", "She read “The Long Night” on the train.", []],
    ["a phrase longer than four words", "They promised “a fair deal for every single family”.", []],
    ["an apostrophe is not a quotation mark", "The workers' union and the owners' group met.", []],
    ["a comma inside the closing mark (American style)", "They backed the “peace camp,” a loose alliance.", ["“peace camp,”"]],
    ["a word talked about as a word", "“Reform” or “renewal” is a term the party uses for cuts.", []],
    ["a list of quoted names after a naming word", "Crowds chanted slogans such as “Stand firm” and “No surrender” all night.", []],
    ["a quoted question", "Her sign read “Why us?” in red.", []],
    ["a quoted line on its own", "The banner read:\n“Never Forget”\nand stayed up.", []],
  ])("%s", (_name, text, expected) => {
    expect(marked(scareQuotes, text)).toEqual(expected);
  });

  it("explains each proposal and tags it as scare quotes", () => {
    const [p] = run(scareQuotes, "The “experts” disagreed.");
    expect(p).toMatchObject({ set: "Framing devices", tag: "Scare quotes", analyser: "scare-quotes" });
    expect(p?.reason).toContain("‘“experts”’ is in quotation marks with no speaker");
  });
});
