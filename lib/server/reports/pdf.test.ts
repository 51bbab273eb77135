import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/domain/report/build-report";
import { annotation, input, NORTH, SOUTH } from "@/lib/domain/report/test-fixtures";
import { reportToPdf } from "./pdf";
import { pdfPages, pdfTextItems } from "./test-support";

describe("reportToPdf", () => {
  it("writes a PDF whose text readers can extract, accents and typographic quotes included", async () => {
    const data = input([
      annotation("s1", NORTH, "decisive defensive action", ["euph"], { claim: { asserter: "OUTLET", assertedBy: null, status: "SUPPORTED", evidence: ["https://example.org/é"] } }),
      annotation("s2", SOUTH, "illegal assassination", ["loaded", "legal"]),
    ]);
    data.comparison.title = "Café “Zürich” — naïve Łódź";
    data.alignment = { minScore: 0.3, passages: [{ sourceId: "s1", start: NORTH.indexOf("The harbour"), end: NORTH.length, text: "The harbour stayed closed." }] };
    const pdf = await reportToPdf(buildReport(data, {}, new Date("2026-04-01T00:00:00Z")));

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toMatch(/%%EOF\s*$/);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const all = pages.join("\n");
    expect(pages[0]).toContain("Café “Zürich” — naïve Łódź");
    for (const text of ["Tags per outlet", "Heat map", "Term choice", "Paraphrased", "Omissions", "By outlet", "no counterpart scoring ≥ 0.30", "The harbour stayed closed.", "Claims", "Method", "Loaded language", "NORTH", "SOUTH"]) {
      expect(all).toContain(text);
    }
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    // Reading fonts and pdf.js take 2–3 s alone and over 5 s beside other test files on 2 cores.
  }, 30_000);

  it("writes Persian, Hebrew, Chinese and Thai text in fonts that have their letters", async () => {
    // Written for this test: a late ferry, told in Persian and in Chinese.
    const persian = "کشتی روز سه‌شنبه با دو ساعت تأخیر از بندر رفت. شهردار گفت شهر هزینه را می‌پردازد.";
    const chinese = "周二渡轮晚了两个小时才离开港口。市长说市政府将出钱。";
    const data = input([
      annotation("s1", persian, "شهردار گفت", ["euph"], { claim: { asserter: "OUTLET", assertedBy: null, status: "SUPPORTED", evidence: [] } }),
      annotation("s2", chinese, "市长说", ["loaded"]),
    ]);
    data.comparison.title = "عبارة · המעבורת · 渡轮 · เรือ";
    data.sources[0]!.revision!.text = persian;
    data.sources[0]!.language = "fa";
    data.sources[1]!.revision!.text = chinese;
    data.sources[1]!.language = "zh";
    data.factRows = [
      {
        id: "r1",
        label: "Late ferry",
        note: null,
        passages: [
          { sourceId: "s1", revisionId: "s1-r1", start: 0, end: persian.indexOf("."), exact: "", orphaned: false },
          { sourceId: "s2", revisionId: "s2-r1", start: 0, end: chinese.indexOf("。"), exact: "", orphaned: false },
        ],
      },
    ];
    const pdf = await reportToPdf(buildReport(data, {}, new Date("2026-04-01T00:00:00Z")));

    const raw = pdf.toString("latin1");
    for (const family of ["Inter", "NotoSansArabic", "NotoSansHebrew", "NotoSansSC", "NotoSansThai"]) {
      expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${family}`));
    }
    const all = (await pdfPages(pdf)).join("\n");
    expect(all).toContain("渡轮晚了两个小时才离开港口");
  }, 30_000);

  it("draws mixed-direction lines in the order of the bidirectional algorithm", async () => {
    // Written for this test: a Hebrew line naming an agency and a year, an English one quoting Hebrew.
    const hebrew = "לפי Reuters המעבורת יצאה בשנת 2026 באיחור";
    const english = "The mayor said שלום לכולם before the vote";
    const data = input([annotation("s1", hebrew, "המעבורת", ["euph"]), annotation("s2", english, "mayor", ["loaded"])]);
    data.sources[0]!.revision!.text = hebrew;
    data.sources[0]!.language = "he";
    data.sources[1]!.revision!.text = english;
    data.sources[1]!.language = "en";
    data.factRows = [
      {
        id: "r1",
        label: "Late ferry",
        note: null,
        passages: [
          { sourceId: "s1", revisionId: "s1-r1", start: 0, end: hebrew.length, exact: "", orphaned: false },
          { sourceId: "s2", revisionId: "s2-r1", start: 0, end: english.length, exact: "", orphaned: false },
        ],
      },
    ];
    const pdf = await reportToPdf(buildReport(data, {}, new Date("2026-04-01T00:00:00Z")));
    const page = (await pdfPages(pdf)).findIndex((text) => text.includes("Term choice") && text.includes("Late ferry")) + 1;
    const items = await pdfTextItems(pdf, page);
    const at = (re: RegExp, y?: number) => {
      const item = items.find((i) => re.test(i.str) && (y === undefined || Math.abs(i.y - y) < 1));
      if (!item) throw new Error(`${re} not on page ${page}: ${JSON.stringify(items)}`);
      return item;
    };

    // Right to left: the agency's name, then further left the year, then the last word.
    const reuters = at(/Reuters/);
    const year = at(/2026/, reuters.y);
    expect(year.x).toBeLessThan(reuters.x);
    expect(reuters.x).toBeGreaterThan(300);
    const hebrewOnLine = items.filter((i) => Math.abs(i.y - reuters.y) < 1 && /[\u0590-\u05ff]/.test(i.str));
    expect(Math.min(...hebrewOnLine.map((i) => i.x))).toBeLessThan(year.x);
    expect(Math.max(...hebrewOnLine.map((i) => i.x))).toBeGreaterThan(reuters.x);

    // Left to right, with the quoted Hebrew between the English words around it.
    const before = at(/before/);
    const quoted = at(/[\u0590-\u05ff]/, before.y);
    const said = at(/said/, before.y);
    expect(said.x).toBeLessThan(quoted.x);
    expect(quoted.x).toBeLessThan(before.x);
  }, 30_000);
});
