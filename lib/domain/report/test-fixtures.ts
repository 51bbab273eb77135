import type { InputAnnotation, ReportInput } from "./build-report";

/** A small comparison for report tests: two outlets and a source without one, two fact rows. */
export const NORTH = "Officials said the strike was a decisive defensive action. The harbour stayed closed.";
export const SOUTH = "The illegal assassination shocked the region. Ten people died in the port.";
export const WEST = "An unsourced note.";

export function input(annotations: InputAnnotation[]): ReportInput {
  const source = (id: string, outlet: string | null, text: string, words: number, position: number) => ({
    id,
    title: `${id} story`,
    url: null,
    author: null,
    publishedAt: new Date(Date.UTC(2026, 0, position + 1)),
    outlet: outlet ? { id: outlet, name: outlet.toUpperCase(), site: null, country: null } : null,
    revision: { id: `${id}-r1`, text, wordCount: words },
  });
  return {
    comparison: { id: "c1", title: "Strike", description: null, eventDate: new Date("2026-01-03T00:00:00Z"), workspaceName: "Desk" },
    sources: [source("s1", "north", NORTH, 500, 0), source("s2", "south", SOUTH, 250, 1), source("s3", null, WEST, 0, 2)],
    tagSets: [
      {
        id: "devices",
        key: "framing-devices",
        name: "Framing devices",
        description: "Word choices",
        tags: [
          { id: "loaded", name: "Loaded language", description: "Charged words", color: "#f5aea3", retiredAt: null },
          { id: "euph", name: "Euphemism", description: "Softened words", color: "#f2d588", retiredAt: null },
          { id: "unused", name: "Scare quotes", description: null, color: "#8ff288", retiredAt: null },
        ],
      },
      { id: "dims", key: "frame-dimensions", name: "Frame dimensions", description: null, tags: [{ id: "legal", name: "Legality", description: null, color: "#aaccee", retiredAt: null }] },
    ],
    factRows: [
      {
        id: "r1",
        label: "What the strike was",
        note: null,
        passages: [
          { sourceId: "s2", revisionId: "s2-r1", start: 0, end: SOUTH.indexOf(" shocked"), exact: "", orphaned: false },
          { sourceId: "s1", revisionId: "s1-r1", start: NORTH.indexOf("the strike"), end: NORTH.indexOf(". The"), exact: "", orphaned: false },
        ],
      },
      { id: "r2", label: "Deaths", note: "Only one outlet counts them", passages: [{ sourceId: "s2", revisionId: "s2-r1", start: SOUTH.indexOf("Ten"), end: SOUTH.length, exact: "", orphaned: false }] },
    ],
    annotations,
  };
}

let next = 0;
export function annotation(sourceId: string, text: string, quote: string, tagIds: string[], extra: Partial<InputAnnotation> = {}): InputAnnotation {
  const start = text.indexOf(quote);
  return {
    id: `a${++next}`,
    sourceId,
    revisionId: `${sourceId}-r1`,
    start,
    end: start + quote.length,
    exact: quote,
    orphaned: false,
    comment: null,
    createdAt: new Date("2026-02-10T12:00:00Z"),
    author: { id: "rita", name: "Rita" },
    tagIds,
    claim: null,
    ...extra,
  };
}
