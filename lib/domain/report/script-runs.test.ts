import { describe, expect, it } from "vitest";
import { paragraphDirection, scriptRuns } from "./script-runs";

describe("scriptRuns", () => {
  it.each([
    { name: "Latin only is one run", text: "The ferry, 2 hours late.", expected: [["latin", "The ferry, 2 hours late."]] },
    { name: "Greek and Cyrillic use the main font", text: "Γάζα и Москва", expected: [["latin", "Γάζα и Москва"]] },
    { name: "a Persian sentence with digits and ZWNJ stays one run", text: "کشتی ۲ ساعت، سه‌شنبه 12.", expected: [["arabic", "کشتی ۲ ساعت، سه‌شنبه 12."]] },
    { name: "Hebrew", text: "ראש העיר: 3", expected: [["hebrew", "ראש העיר: 3"]] },
    { name: "Chinese with its full-width punctuation", text: "渡轮晚了两个小时。", expected: [["cjk", "渡轮晚了两个小时。"]] },
    { name: "Thai", text: "เรือออก", expected: [["thai", "เรือออก"]] },
    { name: "mixed scripts split where the script changes", text: "Tasnim: کشتی رفت (Reuters) 渡轮", expected: [["latin", "Tasnim: "], ["arabic", "کشتی رفت ("], ["latin", "Reuters) "], ["cjk", "渡轮"]] },
    { name: "leading punctuation joins the first run", text: "«کشتی»", expected: [["arabic", "«کشتی»"]] },
    { name: "no letters at all", text: "12 — 3", expected: [["latin", "12 — 3"]] },
    { name: "empty", text: "", expected: [] },
  ])("$name", ({ text, expected }) => {
    const runs = scriptRuns(text);
    expect(runs.map((r) => [r.script, r.text])).toEqual(expected);
    expect(runs.map((r) => r.text).join("")).toBe(text);
  });
});

describe("paragraphDirection", () => {
  it.each([
    ["کشتی امروز رفت (Reuters)", "rtl"],
    ["ראש העיר", "rtl"],
    ["Tasnim reported: کشتی", "ltr"],
    ["渡轮晚了", "ltr"],
    ["", "ltr"],
  ])("%s → %s", (text, direction) => {
    expect(paragraphDirection(text)).toBe(direction);
  });
});
