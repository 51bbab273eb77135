import type { ExportedAnnotation } from "./types";

/** A complete annotation for the export writers' tests; override what a test is about. */
export function exportedAnnotation(overrides: Partial<ExportedAnnotation> = {}): ExportedAnnotation {
  return {
    id: "ann1",
    source: { id: "src1", title: "Barrier fails", outlet: "Harbor Ledger", url: "https://ledger.example/barrier" },
    revision: 1,
    exact: "the gate jammed",
    prefix: "Witnesses said ",
    suffix: " at high tide.",
    start: 15,
    end: 30,
    codePoints: { start: 15, end: 30 },
    tags: [{ name: "Attribution", tagSet: "Framing devices" }],
    comment: "Sourced to witnesses only.",
    claim: null,
    author: { id: "user1", name: "Dana Demo" },
    created: new Date("2025-10-14T08:00:00.000Z"),
    modified: new Date("2025-10-14T09:30:00.000Z"),
    anchor: { status: "EXACT", score: 1 },
    ...overrides,
  };
}

/** A strict RFC 4180 reader, to check that what we write reads back as what we meant. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    }
    if (text.startsWith("\r\n", i)) {
      rows.push([...row, field]);
      row = [];
      field = "";
      i += 2;
    } else if (text[i] === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (i < text.length) {
      if (text[i] === '"' || text[i] === "\r" || text[i] === "\n") throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i++];
    }
  }
  if (field || row.length) throw new Error("the last row does not end with CRLF");
  return rows;
}

/** The rows of a CSV export (byte order mark removed) as objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}
