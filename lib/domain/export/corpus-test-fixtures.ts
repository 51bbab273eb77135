import type { DocumentSpan, LabelledDocument } from "./labelled-documents";
import { AnnotationFileError } from "./read-web-annotations";

/** A text with astral characters (each two UTF-16 code units, one code point) before and inside the spans. */
export const ASTRAL_TEXT = "Storm 🌊 hits 𝔐arrowick: officials 😡 blame the 'traitors'.\nSecond line.";

/** The quote the fixtures' spans hold: it starts with an astral character, after one other (🌊). */
export const ASTRAL_QUOTE = "𝔐arrowick";

/** Where and why a reader refused a file; fails the test if it did not refuse. */
export function annotationFileRefusal(run: () => unknown): { where: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AnnotationFileError) return { where: error.where, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

export function documentSpan(overrides: Partial<DocumentSpan> = {}): DocumentSpan {
  return {
    id: "ann1",
    start: ASTRAL_TEXT.indexOf(ASTRAL_QUOTE),
    end: ASTRAL_TEXT.indexOf(ASTRAL_QUOTE) + ASTRAL_QUOTE.length,
    tags: [{ name: "Loaded language", tagSet: "Persuasion techniques" }],
    comment: null,
    author: { name: "Dana Demo", email: "dana@example.org" },
    created: new Date("2026-11-21T08:34:36.000Z"),
    modified: new Date("2026-11-21T09:00:00.000Z"),
    ...overrides,
  };
}

export function labelledDocument(spans: DocumentSpan[], overrides: Partial<LabelledDocument> = {}): LabelledDocument {
  return { name: "111111111", title: "Storm hits", text: ASTRAL_TEXT, spans, ...overrides };
}
