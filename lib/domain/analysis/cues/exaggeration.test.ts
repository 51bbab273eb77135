import { describe, expect, it } from "vitest";
import { allTimeSuperlative } from "./exaggeration";
import { cues } from "./test-support";

describe("all-time-superlative", () => {
  it.each([
    ["It was the worst attack ever.", ["the worst attack ever"]],
    ["The strike was the biggest walkout ever seen in the port.", ["the biggest walkout ever"]],
    ["Crowds held the largest protest in the country's history.", ["the largest protest in the country's history"]],
    ["Critics called it the most expensive bridge of all time.", ["the most expensive bridge of all time"]],
    ["The flood was the deadliest in living memory.", ["the deadliest in living memory"]],
    ["The hottest day on record came in July.", []],
    ["It was the largest city in the region.", []],
    ["The best way to help is to donate.", []],
    ["It was the first time ever that the gates failed.", []],
    ["Nobody has ever seen the worst of it.", []],
  ])("%s", (text, expected) => {
    expect(cues(allTimeSuperlative, text)).toEqual(expected);
  });
});
