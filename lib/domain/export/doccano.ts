import { AnnotationFileError } from "./read-web-annotations";
import { spanOffsets, toCodePoints, type LabelledDocument, type ReadCorpus, type ReadSpan } from "./labelled-documents";

/**
 * doccano's JSONL for sequence labelling: one JSON object per line and document, with
 * `text` and its spans, either `label: [[start, end, "Tag"], …]` (doccano 1.x, and what
 * it imports) or `entities: [{ id, start_offset, end_offset, label }, …]` (newer exports,
 * with `relations` beside them). Offsets are Unicode code points: doccano slices its
 * texts as Python strings. Other keys are the document's metadata; Parallax writes `title`
 * and `source` there. The format has no annotator: spans are the importing reviewer's.
 */

type Node = { [key: string]: unknown };
const isObject = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

function span(text: string, start: unknown, end: unknown, tag: unknown, where: string): ReadSpan {
  if (typeof tag !== "string" || !tag.trim()) throw new AnnotationFileError(where, `the label must be a tag name, not ${JSON.stringify(tag)}.`);
  return { where, ...spanOffsets(text, start, end, "code points", where), tags: [{ name: tag, group: null }], comment: null, author: null, created: null, modified: null };
}

/** Spans with the same offsets are one annotation with all of their tags. */
function merge(spans: ReadSpan[]): ReadSpan[] {
  const byOffsets = new Map<string, ReadSpan>();
  for (const s of spans) {
    const known = byOffsets.get(`${s.start}:${s.end}`);
    if (known) known.tags.push(...s.tags);
    else byOffsets.set(`${s.start}:${s.end}`, { ...s, tags: [...s.tags] });
  }
  return [...byOffsets.values()];
}

/** Reads doccano JSONL: every line must be a JSON object with `text`; blank lines are ignored. */
export function readDoccano(jsonl: string): ReadCorpus {
  const skipped: ReadCorpus["skipped"] = [];
  const documents: ReadCorpus["documents"] = [];
  for (const [i, line] of jsonl.replace(/^\uFEFF/, "").split(/\r?\n/).entries()) {
    const where = `line ${i + 1}`;
    if (!line.trim()) continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw new AnnotationFileError(where, `is not JSON: ${(error as Error).message}`);
    }
    if (!isObject(row) || typeof row.text !== "string") throw new AnnotationFileError(where, "each line must be a JSON object with the document's `text`.");
    const text = row.text;
    const spans: ReadSpan[] = [];
    if (Array.isArray(row.entities)) {
      for (const [j, entity] of row.entities.entries()) {
        const at = `${where}, entities[${j}]`;
        if (!isObject(entity)) throw new AnnotationFileError(at, "must be an object with start_offset, end_offset and label.");
        spans.push(span(text, entity.start_offset, entity.end_offset, entity.label, at));
      }
      if (Array.isArray(row.relations) && row.relations.length > 0) skipped.push({ where: `${where}, relations`, reason: "relations between spans are not imported" });
    }
    const key = Array.isArray(row.label) ? "label" : Array.isArray(row.labels) ? "labels" : null;
    if (key) {
      for (const [j, item] of (row[key] as unknown[]).entries()) {
        const at = `${where}, ${key}[${j}]`;
        if (typeof item === "string") {
          skipped.push({ where: at, reason: `“${item}” labels the whole document (text classification), not a span` });
          continue;
        }
        if (!Array.isArray(item) || item.length !== 3) throw new AnnotationFileError(at, "a span label is [start, end, \"Tag\"].");
        spans.push(span(text, item[0], item[1], item[2], at));
      }
    }
    const name = typeof row.source === "string" ? row.source : typeof row.id === "number" || typeof row.id === "string" ? String(row.id) : null;
    documents.push({ where, name, title: typeof row.title === "string" ? row.title : null, text, spans: merge(spans) });
  }
  return { documents, skipped };
}

/** Writes documents as doccano JSONL (the `label` form doccano imports), one span per tag, offsets in code points. */
export function writeDoccano(documents: readonly LabelledDocument[]): string {
  return documents
    .map((doc, i) => {
      const cp = toCodePoints(doc.text);
      const label = doc.spans.flatMap((s) => s.tags.map((t) => [cp(s.start), cp(s.end), t.name]));
      return `${JSON.stringify({ id: i + 1, text: doc.text, label, title: doc.title, source: doc.name })}\n`;
    })
    .join("");
}
