import { describe, expect, it } from "vitest";
import { everyoneAgrees } from "./bandwagon";
import { cues } from "./test-support";

describe("everyone-agrees", () => {
  it.each([
    ["Everyone knows the plan will fail, and no serious economist believes otherwise.", ["Everyone knows", "no serious economist believes"]],
    ["Any reasonable person can see that the tax is unfair; nobody seriously disputes it.", ["Any reasonable person can see", "nobody seriously disputes"]],
    ["Everybody now accepts the figures.", ["Everybody now accepts"]],
    ["Nobody knows how many died, and no one knows yet why the dam failed.", []],
    ["Everyone agreed to meet again on Friday, and nobody knew the answer.", []],
    ["No serious injuries were reported and any sensible precautions were taken.", []],
  ])("%s", (text, expected) => {
    expect(cues(everyoneAgrees, text)).toEqual(expected);
  });
});
