import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it.each([
    ["plain words", "Demo Newsroom", "demo-newsroom"],
    ["accents folded", "Rédaction Écologie", "redaction-ecologie"],
    ["punctuation collapsed", "Harbor: Flood — Day 1!", "harbor-flood-day-1"],
    ["only symbols", "!!!", "untitled"],
    ["non-Latin script", "مقارنة", "untitled"],
  ])("%s", (_name, input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("cuts long names without leaving a trailing dash", () => {
    const slug = slugify("a".repeat(10) + " " + "b".repeat(60), 12);
    expect(slug).toBe("aaaaaaaaaa-b");
  });
});

describe("uniqueSlug", () => {
  it("keeps a free slug and numbers a taken one", () => {
    expect(uniqueSlug("demo", new Set())).toBe("demo");
    expect(uniqueSlug("demo", new Set(["demo", "demo-2"]))).toBe("demo-3");
  });
});
