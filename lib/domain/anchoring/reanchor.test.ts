import { describe, expect, it } from "vitest";
import { reanchor, reanchorAll } from "./reanchor";
import { createSelectors } from "./selectors";

const OLD =
  "The regional council approved the new bus network on Thursday. Supporters praised the plan as " +
  "a long-awaited modernisation; opponents warned that rural villages would lose their only connection. " +
  "The first lines will open in September.";

function target(text: string, quote: string) {
  const start = text.indexOf(quote);
  return createSelectors(text, start, start + quote.length);
}

describe("reanchor", () => {
  it("reports an untouched annotation after an edit elsewhere as exact, with fresh selectors", () => {
    const updated = `Breaking news. ${OLD}`;
    const result = reanchor(OLD, updated, target(OLD, "long-awaited modernisation"));
    expect(result.status).toBe("exact");
    if (result.status === "orphaned") return;
    expect(result.score).toBe(1);
    expect(result.selectors).toEqual(target(updated, "long-awaited modernisation"));
  });

  it("reports an edited quote as fuzzy, with selectors for the new wording", () => {
    const updated = OLD.replace("rural villages would lose", "rural villages could lose");
    const result = reanchor(OLD, updated, target(OLD, "rural villages would lose their only connection"));
    expect(result.status).toBe("fuzzy");
    if (result.status === "orphaned") return;
    expect(result.selectors.quote.exact).toBe("rural villages could lose their only connection");
    expect(result.score).toBeLessThan(1);
  });

  it("reports a deleted quote as orphaned", () => {
    const updated = OLD.replace(" Supporters praised the plan as a long-awaited modernisation;", "");
    expect(reanchor(OLD, updated, target(OLD, "Supporters praised the plan"))).toEqual({ status: "orphaned" });
  });

  it("keeps each copy of a repeated passage on its own copy (positions mapped through the diff)", () => {
    const paragraph = "Buses every ten minutes. ";
    const old = paragraph.repeat(8);
    // Half a paragraph inserted at the start: by distance alone, the old offset of copy 3
    // is exactly between copies 3 and 4 of the new text.
    const insert = "Timetable. ";
    const updated = insert + old;
    const quoteStart = paragraph.length * 3 + paragraph.indexOf("ten");
    const stored = createSelectors(old, quoteStart, quoteStart + 3);
    const [result] = reanchorAll(old, updated, [stored]);
    expect(result?.status).toBe("exact");
    if (result?.status !== "exact") return;
    expect(result.selectors.position.start).toBe(quoteStart + insert.length);
  });

  it("re-anchors a batch in order, and uses a position that does not fit the old text only as a hint", () => {
    const updated = OLD.replace("Thursday", "Friday");
    const first = target(OLD, "regional council");
    const stale = { ...target(OLD, "first lines"), position: { type: "TextPositionSelector" as const, start: 3, end: 14 } };
    const results = reanchorAll(OLD, updated, [first, stale, target(OLD, "Thursday")]);
    expect(results.map((r) => r.status)).toEqual(["exact", "exact", "orphaned"]);
    expect(results[1]?.status === "exact" && results[1].selectors.quote.exact).toBe("first lines");
  });

  it("returns nothing for no targets and handles identical texts", () => {
    expect(reanchorAll(OLD, "", [])).toEqual([]);
    expect(reanchor(OLD, OLD, target(OLD, "bus network")).status).toBe("exact");
  });

  it("orphans everything when the new text is empty", () => {
    expect(reanchor(OLD, "", target(OLD, "bus network"))).toEqual({ status: "orphaned" });
  });
});
