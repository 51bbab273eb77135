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
