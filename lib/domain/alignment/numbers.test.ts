import { describe, expect, it } from "vitest";
import { dateFeatures, FULL_DATE, numberValue } from "./numbers";

describe("numberValue", () => {
  it.each([
    ["5", 5],
    ["five", 5],
    ["fifth", 5],
    ["5th", 5],
    ["5,000", 5000],
    ["twelve", 12],
    ["twentieth", 20],
    ["2020", 2020],
    ["ninety", 90],
    ["dozen", 12],
    ["fives", undefined],
    ["people", undefined],
  ])("%s -> %s", (word, value) => {
    expect(numberValue(word)).toBe(value);
  });
});

describe("dateFeatures", () => {
  it.each([
    ["on 3 January 2020", ["d:1-3", "n:2020", `${FULL_DATE}2020-1-3`]],
    ["January 3, 2020", ["d:1-3", "n:2020", `${FULL_DATE}2020-1-3`]],
    ["2020-01-03", ["d:1-3", "n:2020", `${FULL_DATE}2020-1-3`]],
    ["on Jan. 3", ["d:1-3"]],
    ["the 3rd of January", ["d:1-3"]],
    ["Sept 11", ["d:9-11"]],
    ["the first anniversary", [`${FULL_DATE}anniversary-1`]],
    ["the two-year anniversary", [`${FULL_DATE}anniversary-2`]],
    ["its 5th anniversary", [`${FULL_DATE}anniversary-5`]],
    ["in May", []],
    ["on 31 February", ["d:2-31"]],
    ["on 45 March", []],
  ])("%s", (text, features) => {
    expect([...dateFeatures(text).features.keys()].sort()).toEqual([...features].sort());
  });

  it("reports the span a date occupies", () => {
    expect(dateFeatures("Talks began on 3 January 2020 in Geneva.").consumed).toEqual([{ start: 15, end: 29 }]);
  });
});
