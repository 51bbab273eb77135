import { describe, expect, it } from "vitest";
import { cues } from "./test-support";
import { silentWhen } from "./whataboutism";

describe("silent-when", () => {
  it.each([
    ["Where were these critics when the mine closed?", ["Where were these critics when the mine closed?"]],
    ["The same party said nothing when its own government closed the port.", ["The same party said nothing when its own government closed the port."]],
    ["The unions were silent when wages fell in 2019.", ["The unions were silent when wages fell in 2019."]],
    ["Where was the minister when the flood came, the reporter asked.", []],
    ["The crowd fell silent when the names were read.", []],
    ["Where were you when the lights went out?", []],
  ])("%s", (text, expected) => {
    expect(cues(silentWhen, text)).toEqual(expected);
  });
});
