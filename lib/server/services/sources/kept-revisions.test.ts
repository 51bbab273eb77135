import { describe, expect, it } from "vitest";
import { keepRevision, keptRevision, KEPT_TEXT_UNITS } from "./kept-revisions";

const revision = (id: string, number: number, units: number) => ({ id, number, text: id.repeat(units), textHash: `hash-${id}` });

describe("kept revision texts", () => {
  it("finds a revision by source and number, and nothing for another number or source", () => {
    keepRevision("src-a", revision("a", 1, 10));
    expect(keptRevision("src-a", 1)).toMatchObject({ id: "a", number: 1 });
    expect(keptRevision("src-a", 2)).toBeUndefined();
    expect(keptRevision("src-b", 1)).toBeUndefined();
  });

  it("drops the least recently used texts once they pass the size limit, and counts a re-kept text once", () => {
    const half = KEPT_TEXT_UNITS / 2;
    keepRevision("src-c", revision("c", 1, half - 100));
    keepRevision("src-d", revision("d", 1, half - 100));
    keepRevision("src-d", revision("d", 1, half - 100));
    expect(keptRevision("src-c", 1)).toBeDefined(); // now the most recently used
    keepRevision("src-e", revision("e", 1, 1_000));
    expect(keptRevision("src-c", 1)).toBeDefined();
    expect(keptRevision("src-d", 1)).toBeUndefined();
    expect(keptRevision("src-e", 1)).toBeDefined();
  });

  it("keeps nothing larger than the limit", () => {
    keepRevision("src-f", revision("f", 1, KEPT_TEXT_UNITS + 1));
    expect(keptRevision("src-f", 1)).toBeUndefined();
  });
});
