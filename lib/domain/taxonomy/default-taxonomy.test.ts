import { describe, expect, it } from "vitest";
import { DEFAULT_TAXONOMY, TAXONOMY_SET_KEYS, findDefaultTag, getDefaultTagSet } from "./default-taxonomy";

const BLACK = "#000000";

/** WCAG 2.x relative luminance, written out here so the test does not trust the code it checks. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channels = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const EXPECTED_COUNTS = {
  "framing-devices": 10,
  "frame-dimensions": 15,
  "persuasion-techniques": 18,
} as const;

describe("DEFAULT_TAXONOMY", () => {
  it("has the three default sets, in order, once each", () => {
    expect(DEFAULT_TAXONOMY.map((s) => s.key)).toEqual([...TAXONOMY_SET_KEYS]);
  });

  it.each(Object.entries(EXPECTED_COUNTS))("%s has %i tags", (key, count) => {
    const set = DEFAULT_TAXONOMY.find((s) => s.key === key);
    expect(set?.tags).toHaveLength(count);
  });

  it("uses the tag names of PRODUCT.md as UI labels", () => {
    expect(getDefaultTagSet("framing-devices").tags.map((t) => t.name)).toEqual([
      "Loaded language",
      "Euphemism",
      "Labeling",
      "Scare quotes",
      "Attribution",
      "Passive voice / agent deletion",
      "Omission",
      "Selection of sources",
      "Headline/lead emphasis",
      "Speculation stated as fact",
    ]);
    expect(getDefaultTagSet("frame-dimensions").tags.map((t) => t.name)).toEqual([
      "Economic",
      "Capacity and resources",
      "Morality",
      "Fairness and equality",
      "Legality, constitutionality and jurisprudence",
      "Policy prescription and evaluation",
      "Crime and punishment",
      "Security and defense",
      "Health and safety",
      "Quality of life",
      "Cultural identity",
      "Public opinion",
      "Political",
      "External regulation and reputation",
      "Other",
    ]);
    expect(getDefaultTagSet("persuasion-techniques").tags.map((t) => t.name)).toEqual([
      "Name calling/labeling",
      "Loaded language",
      "Exaggeration/minimisation",
      "Appeal to fear/prejudice",
      "Flag-waving",
      "Doubt",
      "Repetition",
      "Slogans",
      "Causal oversimplification",
      "Black-and-white fallacy",
      "Appeal to authority",
      "Whataboutism",
      "Straw man",
      "Red herring",
      "Reductio ad hitlerum",
      "Thought-terminating cliché",
      "Bandwagon",
      "Obfuscation/vagueness",
    ]);
  });

  describe.each(DEFAULT_TAXONOMY.map((s) => [s.key, s] as const))("%s", (_key, set) => {
    it("has a name and a description", () => {
      expect(set.name.trim()).not.toBe("");
      expect(set.description.trim()).not.toBe("");
    });

    it("has unique tag names (case-insensitively)", () => {
      const names = set.tags.map((t) => t.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    });

    it("has tidy names and short guideline descriptions", () => {
      for (const tag of set.tags) {
        expect(tag.name, tag.name).toBe(tag.name.trim().normalize("NFC"));
        expect(tag.name[0], tag.name).toMatch(/[A-Z]/);
        expect(tag.description.length, tag.name).toBeGreaterThan(20);
        expect(tag.description.length, tag.name).toBeLessThanOrEqual(280);
        expect(tag.description, tag.name).toMatch(/\.$/);
      }
    });

    it("has #rrggbb colours, distinct within the set", () => {
      const colors = set.tags.map((t) => t.color.toLowerCase());
      for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(new Set(colors).size).toBe(colors.length);
    });

    it("keeps colours visually apart (RGB distance ≥ 24)", () => {
      const rgb = set.tags.map((t) => {
        const n = Number.parseInt(t.color.slice(1), 16);
        return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff] as const;
      });
      for (let i = 0; i < rgb.length; i++) {
        for (let j = i + 1; j < rgb.length; j++) {
          const [a, b] = [rgb[i]!, rgb[j]!];
          const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
          expect(d, `${set.tags[i]!.name} vs ${set.tags[j]!.name}`).toBeGreaterThanOrEqual(24);
        }
      }
    });

    it("has colours light enough for black text (contrast ≥ 7:1)", () => {
      for (const tag of set.tags) {
        expect(contrast(BLACK, tag.color), `${tag.name} ${tag.color}`).toBeGreaterThanOrEqual(7);
      }
    });
  });
});

describe("findDefaultTag", () => {
  it("finds a tag by exact name within a set", () => {
    expect(findDefaultTag("framing-devices", "Loaded language")?.color).toMatch(/^#/);
    expect(findDefaultTag("persuasion-techniques", "Loaded language")).toBeDefined();
    expect(findDefaultTag("frame-dimensions", "Loaded language")).toBeUndefined();
    expect(findDefaultTag("framing-devices", "loaded language")).toBeUndefined();
  });
});
