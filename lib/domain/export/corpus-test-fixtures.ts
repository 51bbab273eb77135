import type { DocumentSpan, LabelledDocument } from "./labelled-documents";

/** A text with astral characters (each two UTF-16 code units, one code point) before and inside the spans. */
export const ASTRAL_TEXT = "Storm 🌊 hits 𝔐arrowick: officials 😡 blame the 'traitors'.\nSecond line.";

export function documentSpan(overrides: Partial<DocumentSpan> = {}): DocumentSpan {
  return {
    id: "ann1",
    start: ASTRAL_TEXT.indexOf("𝔐arrowick"),
    end: ASTRAL_TEXT.indexOf("𝔐arrowick") + "𝔐arrowick".length,
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
