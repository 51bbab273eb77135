import { describe, expect, it } from "vitest";
import { eventSlots, RARE_ACT_MAX_PASSAGES, sameEvent, type EventSlots } from "./events";
import { sourceFeatures } from "./features";
import { segmentSentences } from "./sentences";

/** Slots of a one-sentence passage read as its own main clause. */
function slotsOf(text: string): EventSlots {
  const spans = segmentSentences(text);
  return eventSlots(text, spans, sourceFeatures(text, spans));
}

describe("eventSlots", () => {
  it("reads counts, names and act classes from the main clauses given, not from the rest", () => {
    const text = "Harlow Freight suspended 12 night services. Dunmore council met on Friday.";
    const [first] = segmentSentences(text);
    const slots = eventSlots(text, [first!], sourceFeatures(text, [first!]));
    expect(slots.counts()).toEqual([12]);
    expect(slots.actors.length).toBeGreaterThan(0);
    expect(slots.acts.some((a) => a.startsWith("s:"))).toBe(true);
    expect(eventSlots(text, [], []).counts()).toEqual([]);
  });
});

describe("sameEvent", () => {
  const rare = () => 2;
  const common = () => RARE_ACT_MAX_PASSAGES + 1;
  it.each([
    ["the same count, in digits and in words", "Twenty-three passengers died.", "The toll rose to 23.", rare, true],
    ["different counts", "Twenty-three passengers died.", "The toll rose to 24.", rare, false],
    ["the same actor doing an act of the same class", "Harlow Freight suspended its night services.", "Harlow Freight has halted its trains.", rare, true],
    ["the same act by another actor", "Harlow Freight suspended its night services.", "Carrick Rail has halted its trains.", rare, false],
    ["the same actor doing another act", "Harlow Freight suspended its night services.", "Harlow Freight praised its drivers.", rare, false],
    ["the same actor and act, but the act is the story's theme", "Harlow Freight suspended its night services.", "Harlow Freight has halted its trains.", common, false],
  ])("%s", (_, a, b, passagesNaming, expected) => {
    expect(sameEvent(slotsOf(a), slotsOf(b), passagesNaming)).toBe(expected);
  });
});
