import { describe, expect, it } from "vitest";
import { contrastRatio, DEFAULT_TAXONOMY } from "../taxonomy";
import { heatFill, shade, tint } from "./colors";

describe("chart colours", () => {
  it("shades towards black and tints towards white", () => {
    expect(shade("#804020", 0.5)).toBe("#402010");
    expect(tint("#804020", 0)).toBe("#ffffff");
    expect(tint("#804020", 1)).toBe("#804020");
  });

  it("fills empty heat-map cells white and the largest with the deepest colour", () => {
    expect(heatFill("#f5aea3", 0, 10)).toBe("#ffffff");
    expect(heatFill("#f5aea3", null, 10)).toBe("#ffffff");
    expect(heatFill("#f5aea3", 10, 10)).toBe(shade("#f5aea3", 0.12));
  });

  it("keeps black text readable (4.5:1) on every default tag's deepest heat-map fill", () => {
    for (const tag of DEFAULT_TAXONOMY.flatMap((set) => set.tags)) {
      expect(contrastRatio(heatFill(tag.color, 1, 1), "#000000"), tag.name).toBeGreaterThanOrEqual(4.5);
    }
  });
});
