import { describe, expect, it } from "vitest";
import { firstStrongDirection, hasRightToLeft, paragraph, visualRuns, visualText } from "./visual-order";

// Sentences written for these tests. Expected strings are the line as drawn, left to right.
describe("visualText", () => {
  const cases: { name: string; text: string; direction: "ltr" | "rtl"; drawn: string }[] = [
    { name: "English only", text: "The ferry left at 9.", direction: "ltr", drawn: "The ferry left at 9." },
    { name: "English quoting Hebrew", text: "He said שלום עולם today", direction: "ltr", drawn: "He said םלוע םולש today" },
    { name: "Hebrew with a Latin word", text: "אני קורא NEWS כל יום", direction: "rtl", drawn: "םוי לכ NEWS ארוק ינא" },
    { name: "Hebrew with a year", text: "בשנת 2026 נפתח הנמל", direction: "rtl", drawn: "למנה חתפנ 2026 תנשב" },
    { name: "Hebrew with two Latin words", text: "המעבורת של Port Vallera יצאה", direction: "rtl", drawn: "האצי Port Vallera לש תרובעמה" },
    { name: "brackets mirror in right-to-left text", text: "הראש (העירייה) אמר", direction: "rtl", drawn: "רמא (הייריעה) שארה" },
    { name: "Arabic with a Latin name and a figure", text: "قالت BBC إن 12 سفينة", direction: "rtl", drawn: "ةنيفس 12 نإ BBC تلاق" },
    { name: "English quoting Arabic with a figure", text: "The sign read مدينة 2026 today", direction: "ltr", drawn: "The sign read 2026 ةنيدم today" },
    { name: "Persian with a decimal in Persian digits", text: "تورم ۳٫۵ درصد بود", direction: "rtl", drawn: "دوب دصرد ۳٫۵ مروت" },
    { name: "full stop of a Hebrew sentence ends up on the left", text: "הנמל נסגר.", direction: "rtl", drawn: ".רגסנ למנה" },
    { name: "an English paragraph starting with Hebrew keeps its direction", text: "שלום is hello", direction: "ltr", drawn: "םולש is hello" },
  ];
  it.each(cases)("$name", ({ text, direction, drawn }) => {
    expect(visualText(text, direction)).toBe(drawn);
  });

  it("reorders one wrapped line of a paragraph on its own", () => {
    const text = "אני קורא NEWS כל יום בבוקר";
    const second = text.indexOf("כל");
    expect(visualText(text, "rtl", 0, second - 1)).toBe("NEWS ארוק ינא");
    expect(visualText(text, "rtl", second)).toBe("רקובב םוי לכ");
  });

  it("keeps a character outside the Basic Multilingual Plane whole", () => {
    expect(visualText("שלום 𝐀𝐁 עולם", "rtl")).toBe("םלוע 𝐀𝐁 םולש");
  });
});

describe("visualRuns", () => {
  it("gives slices in reading order and says which are drawn backwards", () => {
    const text = "He said שלום עולם today";
    const runs = visualRuns(paragraph(text, "ltr"));
    expect(runs.map((r) => [text.slice(r.start, r.end), r.reversed])).toEqual([
      ["He said ", false],
      ["שלום עולם", true],
      [" today", false],
    ]);
  });

  it("orders a right-to-left line's runs from its end on the left", () => {
    const text = "קורא NEWS היום";
    const runs = visualRuns(paragraph(text, "rtl"));
    expect(runs.map((r) => [text.slice(r.start, r.end), r.reversed])).toEqual([
      [" היום", true],
      ["NEWS", false],
      ["קורא ", true],
    ]);
  });
});

describe("hasRightToLeft", () => {
  it.each([
    ["plain English", "Port closed", false],
    ["Hebrew", "נמל", true],
    ["Arabic", "ميناء", true],
    ["Persian digits alone", "۱۲", true],
    ["Chinese", "渡轮", false],
  ])("%s", (_, text, expected) => {
    expect(hasRightToLeft(text as string)).toBe(expected);
  });
});

describe("firstStrongDirection", () => {
  it.each([
    ["a title that starts in English", "Late ferry: המעבורת המאוחרת", "ltr"],
    ["a title that starts in Hebrew", "המעבורת: Late ferry", "rtl"],
    ["figures and signs first", "2026 — המעבורת", "rtl"],
    ["no letters", "12 — 3", "ltr"],
  ])("%s", (_, text, expected) => {
    expect(firstStrongDirection(text)).toBe(expected);
  });
});
