import { describe, expect, it } from "vitest";
import { hashtagCall } from "./slogans";
import { cues } from "./test-support";

describe("hashtag-call", () => {
  it.each([
    ["Workers marched. #SaveOurJobs #StopTheCuts", ["#SaveOurJobs", "#StopTheCuts"]],
    ["Thousands posted #WeRemember and #MeToo.", ["#WeRemember", "#MeToo"]],
    ["Fans posted #WorldCupFinal, #Brexit and #NHS.", []],
    ["Mourners posted #JaneSmith and #NewYork.", []],
    ["The fund was cut. Save our jobs, they said.", []],
  ])("%s", (text, expected) => {
    expect(cues(hashtagCall, text)).toEqual(expected);
  });
});
