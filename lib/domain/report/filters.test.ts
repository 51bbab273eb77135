import { describe, expect, it } from "vitest";
import { appliedFilters, isFiltered, reportQueryString } from "./filters";

describe("report layer filter", () => {
  it.each([
    ["every reviewer by default", {}, "all", "", false],
    ["all reviewers said outright", { layer: "all" as const }, "all", "", false],
    ["the curated layer only", { layer: "curated" as const }, "curated", "layer=curated", true],
  ])("%s", (_name, filters, layer, query, filtered) => {
    const applied = appliedFilters(filters);
    expect(applied.layer).toBe(layer);
    expect(reportQueryString(applied)).toBe(query);
    expect(isFiltered(applied)).toBe(filtered);
  });

  it("keeps the layer beside the other filters in the address", () => {
    expect(reportQueryString(appliedFilters({ outletIds: ["o1"], layer: "curated" }))).toBe("outlet=o1&layer=curated");
  });
});
