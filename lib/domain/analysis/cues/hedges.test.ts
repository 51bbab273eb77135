import { describe, expect, it } from "vitest";
import { unattributedView } from "./hedges";
import { cues } from "./test-support";

describe("unattributed-view", () => {
  it.each([
    ["The closure was widely seen as a warning.", ["was widely seen as"]],
    ["The mayor is generally regarded as cautious.", ["is generally regarded as"]],
    ["The plan has been described by many as reckless.", ["has been described by many"]],
    ["The gates are widely believed to be unsafe.", ["are widely believed to"]],
    ["The move was seen as a climb-down.", ["was seen as"]],
    ["The decision was widely criticised.", []],
    ["The mayor was seen leaving the harbour.", []],
    ["The plan was described by the harbour master as reckless.", []],
    ["The gates were considered for repair.", []],
  ])("%s", (text, expected) => {
    expect(cues(unattributedView, text)).toEqual(expected);
  });
});
