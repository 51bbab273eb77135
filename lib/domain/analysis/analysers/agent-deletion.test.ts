import { describe, expect, it } from "vitest";
import { marked, run } from "../test-support";
import { agentDeletion } from "./agent-deletion";

describe("agent-deletion", () => {
  it.each([
    ["a passive of force", "Two fishermen were killed near the reef.", ["were killed"]],
    ["a negated passive", "The prisoners were not released on Friday.", ["were not released"]],
    ["a perfect passive", "Three reporters have been detained since May.", ["been detained"]],
    ["a get-passive", "A guard got arrested during the raid.", ["got arrested"]],
    ["an irregular participle", "The convoy was hit twice.", ["was hit"]],
    ["an agent a few words on", "Two fishermen were killed near the reef by a patrol boat.", []],
    ["an agent right after", "The bridge was destroyed by the flood.", []],
    ["an active verb", "A patrol boat killed two fishermen.", []],
    ["a state, not an act", "She was born in Tyre and is based in Beirut.", []],
    ["a hedge of saying (the hedging analyser's)", "The envoy is believed to be in Oslo.", []],
    ["an adjective after be", "The streets were quiet.", []],
    ["a progressive", "The army was shelling the hills.", []],
  ])("%s", (_name, text, expected) => {
    expect(marked(agentDeletion, text)).toEqual(expected);
  });

  it("is more confident about acts of force and says what is missing", () => {
    const [force] = run(agentDeletion, "Two fishermen were killed.");
    const [other] = run(agentDeletion, "The budget was approved.");
    expect(force!.confidence).toBeGreaterThan(other!.confidence);
    expect(force?.reason).toBe("‘were killed’ is passive with no ‘by …’: the text does not say who did it");
  });
});
