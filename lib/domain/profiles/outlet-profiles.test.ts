import { describe, expect, it } from "vitest";
import { buildOutletProfiles, monthLabel, outletProfilesCsv, PROFILE_CSV_HEADER, type ProfileTagRow, type ProfileTextRow } from "./outlet-profiles";

const text = (outletId: string, comparisonId: string, month: string | null, words: number): ProfileTextRow => ({
  outletId,
  outletName: outletId === "n" ? "North Herald" : "South Post",
  comparisonId,
  comparisonSlug: `slug-${comparisonId}`,
  comparisonTitle: comparisonId === "c1" ? "Bridge vote" : "=Flood relief",
  month,
  sources: 1,
  words,
});

const tag = (outletId: string, comparisonId: string, month: string | null, tagName: string, count: number, tagSetKey = "devices"): ProfileTagRow => ({
  outletId,
  comparisonId,
  month,
  tagSetKey,
  tagSetName: tagSetKey === "devices" ? "Framing devices" : "Frames",
  tagName,
  color: "#e4572e",
  count,
});

const textRows = [text("s", "c1", "2026-03", 250), text("n", "c1", "2026-03", 500), text("n", "c2", "2026-01", 1500), text("n", "c2", null, 0)];
const tagRows = [
  tag("n", "c1", "2026-03", "Loaded language", 2),
  tag("n", "c2", "2026-01", "Loaded language", 3),
  tag("n", "c2", "2026-01", "Euphemism", 5),
  tag("s", "c1", "2026-03", "Loaded language", 1),
  tag("s", "c1", "2026-03", "Economic", 4, "frames"),
];

describe("buildOutletProfiles", () => {
  const profiles = buildOutletProfiles(textRows, tagRows);

  it("sums each outlet's sources and words across its comparisons, outlets by name", () => {
    expect(profiles.outlets.map((o) => [o.name, o.sources, o.words, o.comparisons.map((c) => [c.title, c.count])])).toEqual([
      ["North Herald", 3, 2000, [["=Flood relief", 1500], ["Bridge vote", 500]]],
      ["South Post", 1, 250, [["Bridge vote", 250]]],
    ]);
  });

  it.each([
    // tag set, tag, outlet index, count, per 1,000 words, share of the set, comparisons behind it
    ["devices", "Euphemism", 0, 5, 2.5, 0.5, [["c2", 5]]],
    ["devices", "Loaded language", 0, 5, 2.5, 0.5, [["c2", 3], ["c1", 2]]],
    ["devices", "Loaded language", 1, 1, 4, 1, [["c1", 1]]],
    ["devices", "Euphemism", 1, 0, 0, 0, []],
    ["frames", "Economic", 0, 0, 0, null, []],
    ["frames", "Economic", 1, 4, 16, 1, [["c1", 4]]],
  ])("%s / %s, outlet %i: %i applications, %d per 1,000, share %s", (setKey, tagName, outlet, count, rate, share, behind) => {
    const cell = profiles.tagSets.find((s) => s.key === setKey)!.tags.find((t) => t.name === tagName)!.cells[outlet as number]!;
    expect(cell.count).toBe(count);
    expect(cell.per1000).toBeCloseTo(rate as number, 10);
    expect(cell.share).toBe(share);
    expect(cell.comparisons.map((c) => [c.id, c.count])).toEqual(behind);
  });

  it("orders tag sets by name and their tags by total applications, then name", () => {
    expect(profiles.tagSets.map((s) => [s.name, s.tags.map((t) => t.name)])).toEqual([
      ["Frames", ["Economic"]],
      ["Framing devices", ["Loaded language", "Euphemism"]],
    ]);
  });

  it("gives per tag set a time line by month of publication, undated last, per 1,000 of that month's words", () => {
    const devices = profiles.tagSets.find((s) => s.key === "devices")!;
    expect(devices.months.map((m) => [m.month, m.cells.map((c) => [c.count, c.words, c.per1000])])).toEqual([
      ["2026-01", [[8, 1500, (8 / 1500) * 1000], [0, 0, null]]],
      ["2026-03", [[2, 500, 4], [1, 250, 4]]],
      [null, [[0, 0, null], [0, 0, null]]],
    ]);
  });

  it("leaves out tag rows of outlets or comparisons it has no text of", () => {
    const stray = buildOutletProfiles(textRows, [tag("x", "c1", "2026-03", "Loaded language", 9), tag("n", "gone", "2026-03", "Loaded language", 9)]);
    expect(stray.tagSets).toEqual([]);
  });

  it("is empty without outlets", () => {
    expect(buildOutletProfiles([], [])).toEqual({ outlets: [], tagSets: [] });
  });
});

describe("monthLabel", () => {
  it.each([
    ["2026-03", "March 2026"],
    ["1999-12", "December 1999"],
    [null, "Undated"],
  ])("%s reads %s", (month, label) => {
    expect(monthLabel(month)).toBe(label);
  });
});

describe("outletProfilesCsv", () => {
  const csv = outletProfilesCsv(buildOutletProfiles(textRows, tagRows));
  const lines = csv.split("\r\n");

  it("starts with the header and ends every line with CRLF", () => {
    expect(lines[0]).toBe(PROFILE_CSV_HEADER.map((h) => (h.includes(",") ? `"${h}"` : h)).join(","));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes a row per outlet and tag for all months, and per month for all tags, formula-safe", () => {
    expect(lines).toContain("North Herald,Framing devices,Loaded language,All months,5,2000,2.5,0.5,'=Flood relief (3); Bridge vote (2)");
    expect(lines).toContain("South Post,Frames,Economic,All months,4,250,16,1,Bridge vote (4)");
    expect(lines).toContain("North Herald,Framing devices,All tags,2026-01,8,1500,5.33,,'=Flood relief (8)");
    expect(lines.some((l) => l.startsWith("South Post,Framing devices,All tags,2026-01"))).toBe(false);
  });
});
