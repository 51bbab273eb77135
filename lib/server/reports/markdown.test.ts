import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/domain/report/build-report";
import { annotation, input, NORTH } from "@/lib/domain/report/test-fixtures";
import { escapeMarkdown, reportToMarkdown } from "./markdown";

const html = (markdown: string) => marked.parse(markdown, { gfm: true, async: false });

describe("escapeMarkdown", () => {
  it.each([
    ["a | b", "a \\| b"],
    ["line one\nline two\r\n\tthree", "line one line two three"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    ["*bold* and _it_ and `code` and ~strike~", "\\*bold\\* and \\_it\\_ and \\`code\\` and \\~strike\\~"],
    ["[link](https://example.org)", "\\[link\\](https://example.org)"],
    ["# not a heading", "\\# not a heading"],
    ["- not a list", "\\- not a list"],
    ["1. not numbered", "1\\. not numbered"],
    ["back\\slash", "back\\\\slash"],
    ["“Curly” quotes — café", "“Curly” quotes — café"],
  ])("%j becomes %j", (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it.each(["a | b", "<img src=x onerror=alert(1)>", "**not bold**", "# heading", "1) item", "[x](javascript:alert(1))", "line\n\nbreak"])(
    "%j renders as its own text",
    (text) => {
      const rendered = html(escapeMarkdown(text));
      expect(rendered).toBe(`<p>${text.replace(/\s+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>\n`);
    },
  );
});

describe("reportToMarkdown", () => {
  function hostileReport() {
    const south = "Critics said the strike was an illegal assassination.";
    const data = input([
      annotation("s1", NORTH, "decisive defensive action", ["euph"], {
        claim: { asserter: "QUOTED_PARTY", assertedBy: "Chief | <b>Press</b> office", status: "DISPUTED", evidence: ["https://example.org/a_(b)"] },
      }),
      annotation("s2", south, "illegal assassination", ["loaded"]),
    ]);
    data.sources[1]!.revision!.text = south;
    Object.assign(data.factRows[0]!.passages[0]!, { start: south.indexOf("the strike"), end: south.length - 1 });
    data.sources[0]!.outlet!.name = "North | <i>News</i>";
    data.factRows[0]!.label = "# What\nthe *strike* was";
    data.tagSets[0]!.tags[0]!.description = "Charged words\n\n- like <this>";
    return buildReport(data, {}, new Date("2026-04-01T00:00:00Z"));
  }

  it("renders every section with tables that keep their columns whatever the text holds", () => {
    const markdown = reportToMarkdown(hostileReport());
    const rendered = html(markdown);
    for (const heading of ["Outlets", "Tags per outlet", "Term choice", "Omissions", "Claims", "Method", "Definitions"]) {
      expect(rendered).toMatch(new RegExp(`<h[234][^>]*>${heading}</h[234]>`));
    }
    expect(rendered).not.toMatch(/<(i|b|this)>/);
    expect(rendered).toContain("North | &lt;i&gt;News&lt;/i&gt;");
    const rows = [...rendered.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[hd][ >]/g) ?? []).length);
    const tables = [...rendered.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[hd][ >]/g) ?? []).length));
    expect(rows.length).toBeGreaterThan(5);
    for (const widths of tables) expect(new Set(widths).size).toBe(1);
    expect(rendered).toContain("<h3># What the *strike* was</h3>");
    expect(rendered).toContain('<a href="https://example.org/a_(b)">https://example.org/a_(b)</a>');
    expect(rendered).toContain("Chief | &lt;b&gt;Press&lt;/b&gt; office");
  });

  it("gives counts with their rate per 1,000 words, and bolds the words that differ", () => {
    const markdown = reportToMarkdown(hostileReport());
    expect(markdown).toContain("| Loaded language | 0 (0.0) | 1 (4.0) | 0 (—) | 1 |");
    expect(markdown).toContain("“the strike was an **illegal assassination**”");
    expect(markdown).toContain("Differs: “decisive defensive action” → “illegal assassination”");
  });

  it("tabulates how each outlet names what recurs across fact rows", () => {
    const north = "The killing shocked the port. Officials defended the killing on Monday.";
    const south = "The assassination shocked the port. Officials condemned the assassination on Monday.";
    const data = input([]);
    data.sources[0]!.revision!.text = north;
    data.sources[1]!.revision!.text = south;
    const passage = (sourceId: string, text: string, sentence: number) => {
      const [first] = text.split(". ");
      const start = sentence === 0 ? 0 : first!.length + 2;
      return { sourceId, revisionId: `${sourceId}-r1`, start, end: sentence === 0 ? first!.length : text.length - 1, exact: "", orphaned: false };
    };
    data.factRows = [
      { id: "r1", label: "Reaction", note: null, passages: [passage("s1", north, 0), passage("s2", south, 0)] },
      { id: "r2", label: "Debate", note: null, passages: [passage("s1", north, 1), passage("s2", south, 1)] },
    ];
    const markdown = reportToMarkdown(buildReport(data, {}, new Date("2026-04-01T00:00:00Z")));
    expect(markdown).toContain("### Recurring terms");
    expect(markdown).toMatch(/\| killing \| “killing” ×2 \| “assassination” ×2 \| — \| +2 \|/);
    expect(markdown).toContain("Differs: “defended” → “condemned”");
    expect(markdown).not.toContain("entirely");
  });

  it("lists per outlet what it leaves out and what only it reports, stating the threshold", () => {
    const data = input([]);
    const quote = "The harbour stayed closed.";
    data.alignment = { minScore: 0.3, passages: [{ sourceId: "s1", start: NORTH.indexOf(quote), end: NORTH.length, text: quote }] };
    const markdown = reportToMarkdown(buildReport(data, {}, new Date("2026-04-01T00:00:00Z")));
    const byOutlet = markdown.slice(markdown.indexOf("### By outlet"), markdown.indexOf("## Claims"));
    expect(byOutlet).toContain("no counterpart scoring ≥ 0.30 in another outlet");
    expect(byOutlet).toContain("#### NORTH\n\nLeaves out 1 fact row: “Deaths”.\n\nOnly in NORTH (1 passage):\n\n- The harbour stayed closed.");
    expect(byOutlet).toContain("#### SOUTH\n\nLeaves out no fact row.\n\nReports nothing the other outlets leave out.");
  });
});
