import { slugify } from "../slug";
import { AnnotationFileError } from "./read-web-annotations";
import { spanOffsets, type LabelledDocument, type ReadCorpus, type ReadDocument, type ReadSpan } from "./labelled-documents";

/**
 * Label Studio's JSON export (a list of tasks) for text labelled with `<Labels>`: each task
 * has its text in `data.text` and, per annotator, an annotation whose `result` lists
 * regions of type `labels` with `value: { start, end, text, labels }`. Offsets are UTF-16
 * code units, as in the app: Label Studio's editor counts positions in a JavaScript string.
 *
 * Parallax writes one task per source and one annotation per reviewer, a region per
 * annotation and tag set: `from_name` is the tag set's key (a `<Labels name="…">` control
 * of that name per set), `to_name` is `text`, and results of one annotation in several
 * sets share the region id, as Label Studio does for a region labelled by several controls.
 */

type Node = { [key: string]: unknown };
const isObject = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** The `to_name` of the text object the regions label (`<Text name="text" value="$text"/>`). */
export const LABEL_STUDIO_TEXT = "text";

export interface LabelStudioAnnotator {
  id: number;
  email: string | null;
  first_name: string;
  last_name: string;
}

function date(value: unknown, where: string): Date | null {
  if (value === undefined || value === null) return null;
  const parsed = typeof value === "string" ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new AnnotationFileError(where, `must be a date and time (ISO 8601), not ${JSON.stringify(value)}.`);
  return parsed;
}

/** `completed_by` is a user id in Label Studio's own exports, or the user ({ email, first_name, last_name }). */
function annotator(value: unknown): ReadSpan["author"] {
  if (!isObject(value)) return null;
  const text = (key: string) => (typeof value[key] === "string" && (value[key] as string).trim() ? (value[key] as string).trim() : null);
  const name = [text("first_name"), text("last_name")].filter(Boolean).join(" ") || text("username");
  const email = text("email");
  return name || email ? { name, email } : null;
}

function readTask(task: unknown, where: string, skipped: ReadCorpus["skipped"]): ReadDocument | null {
  if (!isObject(task)) throw new AnnotationFileError(where, "a task must be an object with `data` and `annotations`.");
  const data = task.data;
  if (!isObject(data) || typeof data.text !== "string") {
    skipped.push({ where, reason: "it has no `data.text`: only text tasks are imported" });
    return null;
  }
  const text = data.text;
  const title = typeof data.title === "string" ? data.title : null;
  const name = typeof data.source === "string" ? data.source : typeof task.id === "number" || typeof task.id === "string" ? String(task.id) : null;
  if (Array.isArray(task.predictions) && task.predictions.length > 0) {
    skipped.push({ where: `${where}.predictions`, reason: "predictions are a model's suggestions, not annotations" });
  }
  const key = Array.isArray(task.annotations) ? "annotations" : "completions";
  const annotations = task[key] ?? [];
  if (!Array.isArray(annotations)) throw new AnnotationFileError(`${where}.${key}`, "must be a list.");
  const spans: ReadSpan[] = [];
  for (const [i, annotation] of annotations.entries()) {
    const at = `${where}.${key}[${i}]`;
    if (!isObject(annotation)) throw new AnnotationFileError(at, "an annotation must be an object with a `result` list.");
    if (annotation.was_cancelled === true) {
      skipped.push({ where: at, reason: "it was skipped (cancelled) in Label Studio" });
      continue;
    }
    if (!Array.isArray(annotation.result)) throw new AnnotationFileError(`${at}.result`, "must be a list.");
    const author = annotator(annotation.completed_by);
    const created = date(annotation.created_at, `${at}.created_at`);
    const modified = date(annotation.updated_at, `${at}.updated_at`);
    // Results that share an id are one region labelled by several controls: one annotation.
    const regions = new Map<string, ReadSpan>();
    for (const [j, result] of annotation.result.entries()) {
      const rat = `${at}.result[${j}]`;
      if (!isObject(result)) throw new AnnotationFileError(rat, "must be an object.");
      if (result.type !== "labels") {
        skipped.push({ where: rat, reason: `results of type “${String(result.type)}” are not imported (only \`labels\` spans)` });
        continue;
      }
      const value = result.value;
      if (!isObject(value)) throw new AnnotationFileError(`${rat}.value`, "must be an object with start, end and labels.");
      const labels = value.labels;
      if (!Array.isArray(labels) || labels.some((l) => typeof l !== "string" || !l.trim())) {
        throw new AnnotationFileError(`${rat}.value.labels`, "must be a list of label names.");
      }
      const offsets = spanOffsets(text, value.start, value.end, "UTF-16 code units", `${rat}.value`);
      if (typeof value.text === "string" && value.text !== text.slice(offsets.start, offsets.end)) {
        throw new AnnotationFileError(
          `${rat}.value.text`,
          `“${value.text.slice(0, 80)}” is not the text at ${offsets.start}–${offsets.end} (“${text.slice(offsets.start, offsets.end).slice(0, 80)}”); Label Studio counts offsets in UTF-16 code units.`,
        );
      }
      const group = typeof result.from_name === "string" ? result.from_name : null;
      const meta = isObject(result.meta) && Array.isArray(result.meta.text) ? result.meta.text.filter((t): t is string => typeof t === "string") : [];
      const id = typeof result.id === "string" || typeof result.id === "number" ? String(result.id) : `#${j}`;
      const known = regions.get(id);
      if (known && known.start === offsets.start && known.end === offsets.end) {
        known.tags.push(...labels.map((name: string) => ({ name, group })));
        if (!known.comment && meta.length) known.comment = meta.join("\n\n");
        continue;
      }
      const span: ReadSpan = { where: rat, ...offsets, tags: labels.map((name: string) => ({ name, group })), comment: meta.join("\n\n") || null, author, created, modified };
      regions.set(known ? `${id}#${j}` : id, span);
    }
    spans.push(...regions.values());
  }
  return { where, name, title, text, spans };
}

/** Reads a Label Studio JSON export: a list of tasks (or one task). */
export function readLabelStudio(json: unknown): ReadCorpus {
  const skipped: ReadCorpus["skipped"] = [];
  const tasks = Array.isArray(json) ? json : [json];
  const documents = tasks.flatMap((task, i) => readTask(task, Array.isArray(json) ? `$[${i}]` : "$", skipped) ?? []);
  return { documents, skipped };
}

/** Writes documents as Label Studio tasks, one annotation per reviewer, identified by `completed_by` (name and email). */
export function writeLabelStudio(documents: readonly LabelledDocument[]): unknown[] {
  const annotators = new Map<string, LabelStudioAnnotator>();
  const annotatorOf = (author: LabelledDocument["spans"][number]["author"]) => {
    const key = `${author.email ?? ""}\n${author.name}`;
    if (!annotators.has(key)) annotators.set(key, { id: annotators.size + 1, email: author.email, first_name: author.name, last_name: "" });
    return annotators.get(key)!;
  };
  let annotationId = 0;
  return documents.map((doc, i) => {
    const byAuthor = new Map<LabelStudioAnnotator, LabelledDocument["spans"]>();
    for (const span of doc.spans) {
      const who = annotatorOf(span.author);
      byAuthor.set(who, [...(byAuthor.get(who) ?? []), span]);
    }
    return {
      id: i + 1,
      data: { text: doc.text, title: doc.title, source: doc.name },
      annotations: [...byAuthor].map(([who, spans]) => ({
        id: ++annotationId,
        completed_by: who,
        was_cancelled: false,
        ground_truth: false,
        created_at: new Date(Math.min(...spans.map((s) => s.created.getTime()))).toISOString(),
        updated_at: new Date(Math.max(...spans.map((s) => s.modified.getTime()))).toISOString(),
        result: spans.flatMap((span) =>
          [...new Set(span.tags.map((t) => t.tagSet))].map((tagSet) => ({
            id: span.id,
            from_name: slugify(tagSet) || "label",
            to_name: LABEL_STUDIO_TEXT,
            type: "labels",
            origin: "manual",
            value: { start: span.start, end: span.end, text: doc.text.slice(span.start, span.end), labels: span.tags.filter((t) => t.tagSet === tagSet).map((t) => t.name) },
            ...(span.comment ? { meta: { text: [span.comment] } } : {}),
          })),
        ),
      })),
      predictions: [],
    };
  });
}
