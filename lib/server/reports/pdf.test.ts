import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/domain/report/build-report";
import { annotation, input, NORTH, SOUTH } from "@/lib/domain/report/test-fixtures";
import { reportToPdf } from "./pdf";
import { pdfPages } from "./test-support";

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
  });
});
