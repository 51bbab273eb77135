import { AnnotationFileError } from "./read-web-annotations";
import { spanOffsets, toCodePoints, type LabelledDocument, type ReadCorpus, type ReadDocument } from "./labelled-documents";
import { isPersuasionTechniquesSet, PERSUASION_TECHNIQUES_SET, TECHNIQUE_LABELS, tagsOfTechnique, techniqueOfTag } from "./persuasion-techniques";

/**
 * The propaganda-technique corpus layout of the shared tasks (PTC, SemEval-2020 task 11):
 * one folder with `article<ID>.txt` per article and `article<ID>.labels.tsv` beside it,
 * one line per labelled span: `<ID>\t<technique>\t<start>\t<end>`, offsets in Unicode code
 * points (the corpus is made and scored in Python), end excluded.
 */

export interface CorpusFile {
  name: string;
  content: string;
}

/** `article<ID>.txt` or `article<ID>.labels.tsv`; the id is any run of letters, digits, `_` and `-`. */
const ARTICLE = /^article([A-Za-z0-9_-]+)\.txt$/;
const LABELS = /^article([A-Za-z0-9_-]+)\.labels\.tsv$/;

/** Whether a document name can be a PTC article id (file names stay plain). */
export const isArticleId = (name: string) => /^[A-Za-z0-9_-]+$/.test(name);

/** How many problems of one kind a refusal lists before it says "and N more". */
const LISTED = 10;

/**
 * Reads a folder's files (names and UTF-8 contents). A label line that is not four
 * tab-separated fields, names another article, counts outside the text or names a
 * technique the corpus does not have refuses the whole folder, naming file and line (all
 * of the unknown techniques, so one fix covers them). Other files are skipped, as are
 * labels files without their article.
 */
export function readPtc(files: readonly CorpusFile[]): ReadCorpus {
  const skipped: ReadCorpus["skipped"] = [];
  const articles = new Map<string, string>();
  const labels = new Map<string, CorpusFile>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name, "en"))) {
    const article = ARTICLE.exec(file.name);
    const label = LABELS.exec(file.name);
    if (article) articles.set(article[1]!, file.content.replace(/^\uFEFF/, ""));
    else if (label) labels.set(label[1]!, file);
    else skipped.push({ where: file.name, reason: "not an article<ID>.txt or article<ID>.labels.tsv file" });
  }
  for (const id of labels.keys()) {
    if (!articles.has(id)) skipped.push({ where: `article${id}.labels.tsv`, reason: `there is no article${id}.txt for its labels` });
  }
  const unknown: string[] = [];
  const documents: ReadDocument[] = [];
  for (const [id, text] of articles) {
    const file = labels.get(id);
    const doc: ReadDocument = { where: `article${id}.txt`, name: id, title: null, text, spans: [] };
    documents.push(doc);
    if (!file) continue;
    for (const [i, raw] of file.content.replace(/^\uFEFF/, "").split(/\r?\n/).entries()) {
      const where = `${file.name}:${i + 1}`;
      if (!raw.trim()) continue;
      const fields = raw.split("\t");
      if (fields.length !== 4) throw new AnnotationFileError(where, `a label line has four tab-separated fields (article id, technique, start, end); this one has ${fields.length}.`);
      const [lineId, technique, start, end] = fields.map((f) => f.trim()) as [string, string, string, string];
      if (lineId !== id) throw new AnnotationFileError(where, `the line names article ${lineId}, but the file holds the labels of article ${id}.`);
      const tags = tagsOfTechnique(technique);
      if (!tags) {
        unknown.push(`${where}: “${technique}”`);
        continue;
      }
      const number = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);
      const offsets = spanOffsets(text, number(start), number(end), "code points", where);
      doc.spans.push({
        where,
        ...offsets,
        tags: tags.map((name) => ({ name, group: PERSUASION_TECHNIQUES_SET })),
        comment: null,
        author: null,
        created: null,
        modified: null,
      });
    }
  }
  if (unknown.length > 0) {
    const more = unknown.length > LISTED ? `, and ${unknown.length - LISTED} more` : "";
    throw new AnnotationFileError(
      unknown[0]!.split(": ")[0]!,
      `unknown technique${unknown.length > 1 ? "s" : ""} (${unknown.slice(0, LISTED).join("; ")}${more}): the corpus names are ${TECHNIQUE_LABELS.join(", ")}.`,
    );
  }
  return { documents, skipped };
}

/**
 * Writes documents as PTC files: each text as it is, and one label line per annotation and
 * technique, in text order. Only tags of the "Persuasion techniques" set that the corpus
 * has a name for are written: the count of the others comes back as `left out`.
 */
export function writePtc(documents: readonly LabelledDocument[]): { files: CorpusFile[]; leftOut: number } {
  let leftOut = 0;
  const files: CorpusFile[] = [];
  for (const doc of documents) {
    const cp = toCodePoints(doc.text);
    const lines: string[] = [];
    for (const span of doc.spans) {
      const techniques = new Set<string>();
      for (const tag of span.tags) {
        const technique = isPersuasionTechniquesSet(tag.tagSet) ? techniqueOfTag(tag.name) : null;
        if (technique) techniques.add(technique);
        else leftOut++;
      }
      for (const technique of techniques) lines.push(`${doc.name}\t${technique}\t${cp(span.start)}\t${cp(span.end)}`);
    }
    files.push({ name: `article${doc.name}.txt`, content: doc.text });
    files.push({ name: `article${doc.name}.labels.tsv`, content: lines.map((l) => `${l}\n`).join("") });
  }
  return { files, leftOut };
}
