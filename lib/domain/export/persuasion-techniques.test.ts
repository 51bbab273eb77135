import { describe, expect, it } from "vitest";
import { getDefaultTagSet } from "../taxonomy";
import { isPersuasionTechniquesSet, tagsOfTechnique, techniqueOfTag, TECHNIQUE_LABELS } from "./persuasion-techniques";

describe("persuasion techniques", () => {
  it("maps every technique to tags of the default set", () => {
    const names = getDefaultTagSet("persuasion-techniques").tags.map((t) => t.name);
    for (const label of TECHNIQUE_LABELS) for (const tag of tagsOfTechnique(label)!) expect(names).toContain(tag);
  });

  it("writes every default tag under a corpus name that reads back to it", () => {
    for (const { name } of getDefaultTagSet("persuasion-techniques").tags) {
      const label = techniqueOfTag(name);
      expect(label, name).not.toBeNull();
      expect(tagsOfTechnique(label!)).toContain(name);
    }
  });

  it.each([
    ["Name_Calling,Labeling", ["Name calling/labeling"]],
    ["Whataboutism,Straw_Men,Red_Herring", ["Whataboutism", "Straw man", "Red herring"]],
    ["Bandwagon,Reductio_ad_hitlerum", ["Bandwagon", "Reductio ad hitlerum"]],
    ["Straw_Men", ["Straw man"]],
    ["Thought-terminating_Cliches", ["Thought-terminating cliché"]],
    ["Propaganda", null],
  ])("reads %s", (label, tags) => {
    expect(tagsOfTechnique(label)).toEqual(tags);
  });
});

describe("isPersuasionTechniquesSet", () => {
  it.each([
    ["Persuasion techniques", true],
    ["  persuasion   TECHNIQUES ", true],
    ["Framing devices", false],
  ])("%s → %s", (name, expected) => {
    expect(isPersuasionTechniquesSet(name)).toBe(expected);
  });
});
