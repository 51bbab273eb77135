import { describe, expect, it } from "vitest";
import { buildReport } from "./build-report";
import { onlyHereRule } from "./outlet-omissions";
import { input, NORTH, SOUTH } from "./test-fixtures";

const span = (sourceId: string, text: string, words: string) => ({ sourceId, start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
const HARBOUR = span("s1", NORTH, "The harbour stayed closed.");
const STRIKE = span("s1", NORTH, "Officials said the strike was a decisive defensive action.");
const DEATHS = span("s2", SOUTH, "Ten people died in the port.");

function report(passages: ReturnType<typeof span>[] | null, outletIds?: string[]) {
  const data = input([]);
  data.alignment = passages ? { minScore: 0.3, passages } : null;
  return buildReport(data, { outletIds }, new Date("2026-04-01T00:00:00Z")).outletOmissions;
}

describe("outletOmissions", () => {
  it("lists per outlet the fact rows it leaves out and the passages only it reports", () => {
    expect(report([HARBOUR, DEATHS])).toEqual({
      minScore: 0.3,
      outlets: [
        { outletId: "north", leavesOut: [{ factRowId: "r2", label: "Deaths" }], onlyHere: [HARBOUR] },
        { outletId: "south", leavesOut: [], onlyHere: [DEATHS] },
        { outletId: "source:s3", leavesOut: [{ factRowId: "r1", label: "What the strike was" }, { factRowId: "r2", label: "Deaths" }], onlyHere: [] },
      ],
    });
  });

  it.each([
    { name: "a passage a fact row puts beside another outlet's is not only its outlet's", passages: [STRIKE], north: [] },
    { name: "a passage in a fact row of its outlet alone still is", passages: [HARBOUR], north: [HARBOUR] },
    { name: "passages come in text order", passages: [HARBOUR, span("s1", NORTH, "Officials said")], north: [span("s1", NORTH, "Officials said"), HARBOUR] },
  ])("$name", ({ passages, north }) => {
    expect(report(passages).outlets[0]!.onlyHere).toEqual(north);
  });

  it("covers only the outlets the filters keep", () => {
    expect(report([HARBOUR, DEATHS], ["south"]).outlets.map((o) => [o.outletId, o.onlyHere.length])).toEqual([["south", 1]]);
  });

  it("says when there was nothing to align", () => {
    expect(report(null)).toMatchObject({ minScore: null, outlets: [{ onlyHere: [] }, { onlyHere: [] }, { onlyHere: [] }] });
  });

  it("states the threshold with two decimals", () => {
    expect(onlyHereRule(0.3)).toContain("no counterpart scoring ≥ 0.30 in another outlet");
  });
});
