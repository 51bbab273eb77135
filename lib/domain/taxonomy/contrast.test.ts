import { describe, expect, it } from "vitest";
import { contrastRatio, parseHexColor, relativeLuminance } from "./contrast";

describe("parseHexColor", () => {
  it.each([
    ["#000000", [0, 0, 0]],
    ["#ffffff", [255, 255, 255]],
    ["#F39791", [243, 151, 145]],
  ] as const)("parses %s", (hex, rgb) => {
    expect(parseHexColor(hex)).toEqual(rgb);
  });

  it.each(["", "fff", "#fff", "#12345", "#1234567", "#gg0000", "red"])("rejects %j", (bad) => {
    expect(() => parseHexColor(bad)).toThrow(/#rrggbb/);
  });
});

describe("relativeLuminance", () => {
  it("is 0 for black and 1 for white", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
  });

  it("weights green above red above blue", () => {
    const g = relativeLuminance("#00ff00");
    const r = relativeLuminance("#ff0000");
    const b = relativeLuminance("#0000ff");
    expect(g).toBeCloseTo(0.7152, 4);
    expect(r).toBeCloseTo(0.2126, 4);
    expect(b).toBeCloseTo(0.0722, 4);
  });
});

describe("contrastRatio", () => {
  it("is 21 for black on white, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 10);
  });

  it("is 1 for a colour against itself", () => {
    expect(contrastRatio("#7f7f7f", "#7f7f7f")).toBe(1);
  });

  it("matches published reference values", () => {
    // #767676 on white is the classic "just passes AA" grey (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    // #777777 on white just fails AA (4.48:1).
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
