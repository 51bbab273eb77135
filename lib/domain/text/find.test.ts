import { describe, expect, it } from "vitest";
import { findInText, foldForSearch, foldQuery } from "./find";

describe("findInText", () => {
  it.each([
    { name: "straight apostrophe finds a typographic one", text: "The authority’s report", query: "authority's", found: "authority’s" },
    { name: "typographic apostrophe finds a straight one", text: "the authority's report", query: "authority’s", found: "authority's" },
    { name: "modifier-letter apostrophe (ʼ)", text: "Hawaiʼi flooded", query: "hawai'i", found: "Hawaiʼi" },
    { name: "straight double quotes find curly ones", text: "called it “a water ingress event” today", query: '"a water ingress event"', found: "“a water ingress event”" },
    { name: "double prime counts as a double quote", text: "a 12″ pipe", query: '12"', found: "12″" },
    { name: "hyphen finds an en dash", text: "the 2019–2020 season", query: "2019-2020", found: "2019–2020" },
    { name: "hyphen finds an em dash", text: "the gate—stuck—stayed open", query: "gate-stuck", found: "gate—stuck" },
    { name: "hyphen finds a minus sign", text: "at −3 degrees", query: "-3", found: "−3" },
    { name: "non-breaking hyphen finds a hyphen", text: "a well‑known fault", query: "well-known", found: "well‑known" },
    { name: "one space finds a run of spaces", text: "flood   gate", query: "flood gate", found: "flood   gate" },
    { name: "one space finds a line break", text: "flood\ngate", query: "flood gate", found: "flood\ngate" },
    { name: "one space finds a no-break space", text: "40\u00a0percent", query: "40 percent", found: "40\u00a0percent" },
    { name: "spaces in the query collapse and trim", text: "storm surge", query: "  storm \n  surge ", found: "storm surge" },
    { name: "letter case", text: "MARROWICK Tidal Barrier", query: "marrowick tidal", found: "MARROWICK Tidal" },
    { name: "accents in the text, none in the query", text: "Le ministre a été reçu", query: "ete recu", found: "été reçu" },
    { name: "accents in the query, none in the text", text: "Zurich harbour", query: "Zürich", found: "Zurich" },
    { name: "umlaut o", text: "Göteborg port", query: "goteborg", found: "Göteborg" },
    { name: "decomposed accent is selected with its letter", text: "cafe\u0301 open", query: "cafe", found: "cafe\u0301" },
    { name: "ligature", text: "the ﬁrst gate", query: "first", found: "ﬁrst" },
    { name: "emoji before the match", text: "🌊🌊 Gate 4 failed", query: "gate 4", found: "Gate 4" },
    { name: "emoji inside the match", text: "storm 🌊 surge", query: "storm 🌊 surge", found: "storm 🌊 surge" },
    { name: "Arabic text", text: "قال القائد قاسم اليوم", query: "قاسم", found: "قاسم" },
    { name: "Arabic with vowel marks, query without", text: "قال القائدُ قاسِم اليوم", query: "قاسم", found: "قاسِم" },
    { name: "Arabic with tatweel", text: "قال قاســم اليوم", query: "قاسم", found: "قاســم" },
    { name: "Persian Yeh and Kaf find the Arabic letters", text: "گفت كشتي ديروز رسيد", query: "کشتی دیروز", found: "كشتي ديروز" },
    { name: "Persian with its zero-width non-joiner, query without", text: "روز سه‌شنبه رفت", query: "سهشنبه", found: "سه‌شنبه" },
    { name: "Chinese without spaces", text: "周二渡轮晚了两个小时", query: "渡轮晚了", found: "渡轮晚了" },
    { name: "Hebrew", text: "ראש העיר אמר", query: "העיר", found: "העיר" },
    { name: "not there", text: "The gate failed.", query: "barrier", found: null },
    { name: "blank query", text: "The gate failed.", query: "   ", found: null },
  ])("$name", ({ text, query, found }) => {
    const match = findInText(text, query);
    expect(match ? text.slice(match.start, match.end) : null).toBe(found);
  });

  it("searches from an offset and wraps to the start", () => {
    const text = "gate one, Gate two";
    expect(findInText(text, "gate", 0)).toEqual({ start: 0, end: 4 });
    expect(findInText(text, "gate", 1)).toEqual({ start: 10, end: 14 });
    expect(findInText(text, "gate", 11)).toEqual({ start: 0, end: 4 });
    expect(findInText(text, "gate", text.length)).toEqual({ start: 0, end: 4 });
  });

  it("steps through matches after emoji in original offsets", () => {
    const text = "😀 it’s 😀 it's";
    const first = findInText(text, "it's")!;
    const second = findInText(text, "it's", first.end)!;
    expect([text.slice(first.start, first.end), text.slice(second.start, second.end)]).toEqual(["it’s", "it's"]);
    expect(first.start).toBe(3);
  });
});

describe("foldForSearch", () => {
  it("maps every folded unit back to the code point it came from", () => {
    const text = "É😀 “x”\n\n—";
    const { folded, starts, ends } = foldForSearch(text);
    expect(folded).toBe('e😀 "x" -');
    expect(starts).toHaveLength(folded.length);
    expect(text.slice(starts[1], ends[1])).toBe("😀");
    expect(text.slice(starts[2], ends[2])).toBe("😀");
    expect(text.slice(starts[7], ends[7])).toBe("\n\n");
  });

  it("folds a query the same way", () => {
    expect(foldQuery("  Authority’s  “Ingress” — ")).toBe("authority's \"ingress\" -");
  });
});
