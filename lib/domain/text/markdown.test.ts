import { describe, expect, it } from "vitest";
import { markdownToText } from "./markdown";
import { normalizeText } from "./normalize";

const text = (md: string) => markdownToText(md).text;

describe("markdownToText: blocks", () => {
  it.each([
    ["heading markers dropped, heading is its own paragraph", "Intro.\n\n## Timeline\nThe barrier failed.", "Intro.\n\nTimeline\n\nThe barrier failed."],
    ["closing #s of a heading dropped, a # inside kept", "## Costs ##\n\n### Learn C#", "Costs\n\nLearn C#"],
    ["setext headings", "Intro.\n\nTimeline\n--------\nText.", "Intro.\n\nTimeline\n\nText."],
    ["soft line breaks join with a space", "The barrier gave way\nat four in the morning.", "The barrier gave way at four in the morning."],
    ["hard breaks stay line breaks", "Port Vell  \nMonday\\\n4 a.m.", "Port Vell\nMonday\n4 a.m."],
    ["paragraphs separated by one blank line", "One.\n\n\n\nTwo.", "One.\n\nTwo."],
    ["bullets become '- ', one per line", "* first\n+ second\n- third", "- first\n- second\n- third"],
    ["ordered items keep their numbers", "1. Evacuate\n2. Close the gates", "1. Evacuate\n2. Close the gates"],
    ["list item continuation joins the item", "- first item\n  goes on\n- second", "- first item goes on\n- second"],
    ["a bullet interrupts a paragraph", "Demands:\n- more pumps", "Demands:\n\n- more pumps"],
    ["a year at a line start stays prose", "It happened in\n1986. Then again.", "It happened in 1986. Then again."],
    ["blockquote markers dropped", "> The gates were open\n> all night.\n\nSaid the mayor.", "The gates were open all night.\n\nSaid the mayor."],
    ["nested quote with a list", "> > - one\n> > - two", "- one\n- two"],
    ["code fence keeps its code verbatim", "Before.\n\n```js\nconst level = *high*;\n```\n\nAfter.", "Before.\n\nconst level = *high*;\n\nAfter."],
    ["tilde fence, unclosed, runs to the end", "~~~\nraw [text](x)\nmore", "raw [text](x)\nmore"],
    ["horizontal rules dropped", "One.\n\n***\n\nTwo.\n\n- - -\n\nThree.", "One.\n\nTwo.\n\nThree."],
    ["tables: cells joined by ' | ', delimiter row dropped", "| Gate | Status |\n|:-----|-------:|\n| North | **open** |\n| South | shut |", "Gate | Status\nNorth | open\nSouth | shut"],
    ["a pipe in prose is not a table", "Either | or.\nNo delimiter row.", "Either | or. No delimiter row."],
    ["link reference definitions dropped", "See [the report][r].\n\n[r]: https://example.org/r \"Report\"", "See the report."],
    ["script, style and comments dropped with their content", "<script>\nsteal()\n</script>\n<style>p{}</style>\nText <!-- note --> here.", "Text here."],
    ["HTML block tags become line breaks, inline tags vanish", "<div>One <b>bold</b></div><div>Two</div>", "One bold\n\nTwo"],
    ["<br> becomes a line break", "Line one<br>line two<br/>line three", "Line one\nline two\nline three"],
  ])("%s", (_name, input, expected) => {
    // Block layout is compared after normalizeText, which always follows in the import pipeline.
    expect(normalizeText(text(input))).toBe(expected);
  });
});

describe("markdownToText: inline", () => {
  it.each([
    ["emphasis markers dropped", "The **barrier** *failed*, ***badly***, __twice__ and _once_.", "The barrier failed, badly, twice and once."],
    ["nested emphasis", "**a *b* c** and *a **b** c*", "a b c and a b c"],
    ["strikethrough keeps its text", "It cost ~~ten~~ twelve million.", "It cost ten twelve million."],
    ["a lone tilde stays (approximately)", "~5 km of wall", "~5 km of wall"],
    ["spaced asterisks are arithmetic, not emphasis", "2 * 3 * 4 = 24", "2 * 3 * 4 = 24"],
    ["underscores inside words stay", "see snake_case_name and file_v2_final", "see snake_case_name and file_v2_final"],
    ["unmatched markers stay", "Banned in some countries*", "Banned in some countries*"],
    ["links keep their text", "Read [the council's report](https://example.org/a_(b) \"Report\") today.", "Read the council's report today."],
    ["links with nested brackets", "[the [draft] plan](https://example.org)", "the [draft] plan"],
    ["brackets that are not links stay", "He said [sic] it twice.", "He said [sic] it twice."],
    ["autolinks keep the address", "Write to <press@example.org> or <https://example.org/a_b_c>.", "Write to press@example.org or https://example.org/a_b_c."],
    ["images keep meaningful alt text", "![Flooded quay at dawn](quay.jpg)", "Flooded quay at dawn"],
    ["images without meaningful alt text vanish", "A ![](x.png)B ![IMG_2041.jpg](x.jpg)C ![photo](x.jpg)D ![image 3](y.png)E", "A B C D E"],
    ["an image inside a link keeps its alt text", "[![Map of the port](map.png)](https://example.org)", "Map of the port"],
    ["inline code keeps its text, markers inside stay", "Run `rm *.tmp` or ``a `tick` b``.", "Run rm *.tmp or a `tick` b."],
    ["backslash escapes give the literal character", "\\*not emphasis\\* and \\[not a link\\](x) and \\&amp;", "*not emphasis* and [not a link](x) and &amp;"],
    ["character references decoded", "Fish &amp; chips &#8217;24 &#x2014; &eacute;t&eacute; &bogus;", "Fish & chips ’24 — été &bogus;"],
    ["escaped markup is text, not a tag", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"],
    ["javascript: links lose the address", "[click](javascript:alert(1))", "click"],
    ["invalid character references become U+FFFD", "&#0; &#xD800; &#1114112;", "\ufffd \ufffd \ufffd"],
  ])("%s", (_name, input, expected) => {
    expect(text(input)).toBe(expected);
  });
});

describe("markdownToText: title, author and date", () => {
  it("reads front matter and removes it from the body", () => {
    const md = [
      "---",
      'title: "Barrier fails: what we know"',
      "author: Ines Varga # staff writer",
      "date: 2024-03-05",
      "tags: [flood, port]",
      "---",
      "",
      "The barrier failed overnight.",
    ].join("\n");
    expect(markdownToText(md)).toEqual({
      text: "The barrier failed overnight.",
      title: "Barrier fails: what we know",
      author: "Ines Varga",
      date: "2024-03-05",
    });
  });

  it("reads single-quoted values and author lists", () => {
    const md = "---\ntitle: 'The mayor''s answer'\nauthors:\n  - Ines Varga\n  - Tomas Reyes\n---\nBody.";
    expect(markdownToText(md)).toEqual({ text: "Body.", title: "The mayor's answer", author: "Ines Varga, Tomas Reyes" });
    expect(markdownToText('---\nauthor: ["Ines Varga", Tomas Reyes]\n---\nBody.').author).toBe("Ines Varga, Tomas Reyes");
  });

  it("uses an opening level-1 heading as the title and removes it from the body", () => {
    expect(markdownToText("# Barrier *fails*\n\nThe barrier failed.")).toEqual({ text: "The barrier failed.", title: "Barrier fails" });
    expect(markdownToText("Barrier fails\n=============\n\nBody.")).toEqual({ text: "Body.", title: "Barrier fails" });
  });

  it("keeps a level-1 heading that does not open the document in the body", () => {
    expect(markdownToText("Intro.\n\n# Section\n\nBody.")).toEqual({ text: "Intro.\n\nSection\n\nBody." });
  });

  it("prefers the front matter title; drops an opening heading only when it repeats it", () => {
    expect(markdownToText("---\ntitle: Barrier fails\n---\n# Barrier  fails\n\nBody.")).toEqual({ text: "Body.", title: "Barrier fails" });
    expect(markdownToText("---\ntitle: Barrier fails\n---\n# Night of the flood\n\nBody.")).toEqual({
      text: "Night of the flood\n\nBody.",
      title: "Barrier fails",
    });
  });

  it("an unclosed --- at the top is not front matter", () => {
    expect(markdownToText("---\ntitle: nope\n\nBody.")).toEqual({ text: "title: nope\n\nBody." });
  });

  it("tolerates CRLF, a BOM and NUL characters", () => {
    expect(markdownToText("\ufeff---\r\ntitle: T\r\n---\r\nOne\r\ntwo\u0000")).toEqual({ text: "One two\ufffd", title: "T" });
  });
});

describe("markdownToText: hostile input", () => {
  it.each([
    ["unmatched emphasis", "*a ".repeat(200_000)],
    ["unmatched underscores", "_a ".repeat(200_000)],
    ["unclosed brackets", "[a](".repeat(150_000)],
    ["a link destination of spaces", `[a](${" ".repeat(500_000)}x`],
    ["unclosed link titles", '[a](x "'.repeat(120_000)],
    ["unclosed <destinations>", "[a](<".repeat(200_000)],
    ["unclosed script tags", "a <script> ".repeat(60_000)],
    ["unclosed comments", "<!-- a ".repeat(80_000)],
    ["long runs of spaces before a closing #", `# a${" ".repeat(500_000)}x`],
    ["long runs of trailing spaces", `a${" ".repeat(500_000)}x\nb`],
    ["deeply nested quotes", `${"> ".repeat(400_000)}x`],
    ["deeply nested lists", Array.from({ length: 20_000 }, (_, i) => `${" ".repeat(i % 50)}- item`).join("\n")],
  ])("stays fast on %s (1 MB scale)", (_name, md) => {
    const started = performance.now();
    markdownToText(md);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
