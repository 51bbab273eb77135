import { describe, expect, it } from "vitest";
import { segmentWords, wordsOf, type SegmentOptions } from "./words";

const words = (text: string, options?: SegmentOptions) => wordsOf(text, options).map((t) => t.text);

describe("wordsOf", () => {
  it.each([
    { name: "English contractions and possessives stay whole", text: "Valdoria’s mayor didn't say", expected: ["Valdoria’s", "mayor", "didn't", "say"] },
    { name: "English hyphen splits by default", text: "a well-known port", expected: ["a", "well", "known", "port"] },
    { name: "English hyphen joins on request", text: "a well-known port", options: { hyphens: "join" as const }, expected: ["a", "well-known", "port"] },
    { name: "numbers keep their separators", text: "3.5% of 10,000 boats", expected: ["3.5", "of", "10,000", "boats"] },
    { name: "a period between letters splits", text: "end.Next U.S.", expected: ["end", "Next", "U", "S"] },
    { name: "Chinese without spaces", text: "市长说渡轮晚了两个小时。", language: "zh", expected: ["市长", "说", "渡轮", "晚", "了", "两", "个", "小时"] },
    { name: "Japanese mixes kana and kanji", text: "フェリーは港を出た", language: "ja", expected: ["フェリー", "は", "港", "を", "出", "た"] },
    { name: "Persian keeps the zero-width non-joiner inside a word", text: "روز سه‌شنبه می‌رود.", language: "fa", expected: ["روز", "سه‌شنبه", "می‌رود"] },
    { name: "Arabic", text: "غادرت العبارة الميناء، متأخرة.", language: "ar", expected: ["غادرت", "العبارة", "الميناء", "متأخرة"] },
    { name: "Hebrew with a gershayim abbreviation", text: "ראש העיר אמר: צה\"ל הגיע", language: "he", expected: ["ראש", "העיר", "אמר", "צה\"ל", "הגיע"] },
    { name: "Thai without spaces", text: "เรือออกจากท่าเรือ", language: "th", expected: ["เรือ", "ออก", "จาก", "ท่าเรือ"] },
    { name: "combining marks stay with their letter", text: "cafe\u0301 ok", expected: ["cafe\u0301", "ok"] },
    { name: "punctuation, symbols and emoji are not words", text: "  ... !!! — 😀 ", expected: [] },
    { name: "an invalid language tag falls back to the default rules", text: "two words", language: "not a tag!", expected: ["two", "words"] },
  ])("$name", ({ text, language, options, expected }) => {
    expect(words(text, { ...options, language })).toEqual(expected);
  });

  it("keeps UTF-16 offsets into the original text", () => {
    const text = "😀 渡轮 سه‌شنبه";
    for (const t of wordsOf(text, { language: "fa" })) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(wordsOf(text)[0]).toMatchObject({ start: 3, end: 5 });
  });
});

describe("segmentWords", () => {
  it.each([
    { text: "Hi, you.", expected: ["Hi", ",", " ", "you", "."] },
    { text: "al-Rahimi", expected: ["al", "-", "Rahimi"] },
    { text: "a \n\n b", expected: ["a", " \n\n ", "b"] },
    { text: "a😀b", expected: ["a", "😀", "b"] },
    { text: "周二，渡轮晚了", expected: ["周二", "，", "渡轮", "晚", "了"] },
    { text: "", expected: [] },
  ])("covers every character of $text", ({ text, expected }) => {
    const tokens = segmentWords(text, { language: "zh" });
    expect(tokens.map((t) => t.text)).toEqual(expected);
    expect(tokens.map((t) => t.text).join("")).toBe(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("labels words, spaces and punctuation", () => {
    expect(segmentWords("Hi, you").map((t) => t.kind)).toEqual(["word", "punct", "space", "word"]);
  });
});

describe("long texts", () => {
  it("segments a long text in pieces with the same tokens and offsets as short ones", () => {
    const paragraph = "The ferry's crew, 12 in all, left at 3.5 knots. 渡轮晚了两个小时。 روز سه‌شنبه\n";
    const text = paragraph.repeat(2000);
    const started = performance.now();
    const tokens = segmentWords(text, { language: "fa" });
    expect(performance.now() - started).toBeLessThan(5000);
    const one = segmentWords(paragraph, { language: "fa" });
    expect(tokens).toHaveLength(one.length * 2000);
    expect(tokens.slice(-one.length).map((t) => [t.text, t.start - paragraph.length * 1999])).toEqual(one.map((t) => [t.text, t.start]));
    expect(tokens.map((t) => t.text).join("")).toBe(text);
  });
});
