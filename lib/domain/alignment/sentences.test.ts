import { describe, expect, it } from "vitest";
import { segmentPassages, segmentSentences } from "./sentences";

const sentencesOf = (text: string) => segmentSentences(text).map((s) => text.slice(s.start, s.end));

describe("segmentSentences", () => {
  it.each([
    {
      name: "plain sentences",
      text: "The dam failed at dawn. Water reached the square by noon! Was anyone warned?",
      expected: ["The dam failed at dawn.", "Water reached the square by noon!", "Was anyone warned?"],
    },
    {
      name: "U.S. before a name is not an ending",
      text: "The U.S. State Department sent engineers. They arrived late.",
      expected: ["The U.S. State Department sent engineers.", "They arrived late."],
    },
    {
      name: "U.S. at the end of a sentence",
      text: "Aid was promised by the U.S. The first trucks came on Friday.",
      expected: ["Aid was promised by the U.S.", "The first trucks came on Friday."],
    },
    {
      name: "titles and initials",
      text: "Gen. Tomas Arkady and Dr. Lena B. Morrow visited the site. Lt. Col. Ivo Pell stayed behind.",
      expected: ["Gen. Tomas Arkady and Dr. Lena B. Morrow visited the site.", "Lt. Col. Ivo Pell stayed behind."],
    },
    {
      name: "abbreviation before a number",
      text: "The report, published Jan. 4, cites Article No. 12 of the code. It was ignored.",
      expected: ["The report, published Jan. 4, cites Article No. 12 of the code.", "It was ignored."],
    },
    {
      name: "quotes: punctuation inside closing quote",
      text: "“We will rebuild.” The mayor left the podium. “Why now?” she asked. Nobody answered.",
      expected: ["“We will rebuild.”", "The mayor left the podium.", "“Why now?” she asked.", "Nobody answered."],
    },
    {
      name: "straight quotes and parentheses",
      text: "He called it \"a disgrace.\" (Officials disagreed.) Talks resume today.",
      expected: ["He called it \"a disgrace.\"", "(Officials disagreed.)", "Talks resume today."],
    },
    {
      name: "paragraph breaks end sentences even without a period",
      text: "Floods in Port Erren\n\nThousands fled the valley on Sunday.\n\n2 min read",
      expected: ["Floods in Port Erren", "Thousands fled the valley on Sunday.", "2 min read"],
    },
    {
      name: "a soft-wrapped line is joined",
      text: "Thousands fled the valley\non Sunday. Roads were closed.",
      expected: ["Thousands fled the valley\non Sunday.", "Roads were closed."],
    },
    {
      name: "list markers are not part of the sentence",
      text: "• Rescuers searched the river.\n• Two boats capsized.",
      expected: ["Rescuers searched the river.", "Two boats capsized."],
    },
    {
      name: "decimals, ellipsis and lower-case continuation",
      text: "Levels rose 2.5 metres... then fell. Why... Nobody knows.",
      expected: ["Levels rose 2.5 metres... then fell.", "Why...", "Nobody knows."],
    },
    { name: "empty", text: "", expected: [] },
    { name: "only whitespace and symbols", text: "  \n\n — \n", expected: [] },
  ])("$name", ({ text, expected }) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe("segmentPassages", () => {
  it("returns sentences and two-sentence windows, sorted by start then end", () => {
    const text = "One fell. Two rose.\n\nThree stayed.";
    const passages = segmentPassages(text).map((s) => text.slice(s.start, s.end));
    expect(passages).toEqual(["One fell.", "One fell. Two rose.", "Two rose.", "Two rose.\n\nThree stayed.", "Three stayed."]);
  });

  it("can be limited to single sentences", () => {
    expect(segmentPassages("A b. C d.", { maxSentences: 1 })).toHaveLength(2);
  });
});
