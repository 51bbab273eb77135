import { codePointIndex } from "../text/code-points";
import { joinSpans, type DocumentRelation, type DocumentSpan, type ExportDocument, type ReadDocument, type TextFile } from "./documents";
import { AnnotationFileError, type ImportedClaim } from "./read-web-annotations";
import type { ExportClaimAsserter, ExportClaimStatus, ExportedAnnotation, ExportTag } from "./types";
import { asUri } from "./web-annotation";

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): per source a `.txt` with its text
 * and a `.ann` with its annotations, plus the collection's `annotation.conf` (tag sets as
 * groups of entity types, the claim attributes) and `visual.conf` (each type's real name).
 *
 * Offsets count Unicode code points, as brat (Python 3 strings) does: an emoji is one
 * character, where JavaScript counts two. brat gives each text-bound annotation one type,
 * so an annotation with several tags becomes one `T` line per tag on the same words, each
 * with the annotation's note and attributes; reading joins them back (see joinSpans). A
 * claim's status and asserter are attributes; who asserts it and its evidence links, free
 * text that attributes cannot hold, are notes of their own (`Asserted by: …`, `Evidence: …`).
 * A relation between two annotations of the same document is an `R` line from the first
 * `T` line of one to the first of the other; brat cannot link two documents, so relations
 * across sources are left out (the export counts them).
 */

export const BRAT_CLAIM_ATTRIBUTE = "Claim";
export const BRAT_ASSERTER_ATTRIBUTE = "ClaimAsserter";

const STATUS_VALUES: Record<ExportClaimStatus, string> = { UNVERIFIED: "unverified", SUPPORTED: "supported", DISPUTED: "disputed", FALSE: "false" };
const ASSERTER_VALUES: Record<ExportClaimAsserter, string> = { OUTLET: "outlet", QUOTED_PARTY: "quoted_party" };
const inverse = <K extends string>(record: Record<K, string>) => new Map(Object.entries(record).map(([k, v]) => [v as string, k as K]));
const STATUS_BY_VALUE = inverse(STATUS_VALUES);
const ASSERTER_BY_VALUE = inverse(ASSERTER_VALUES);

/** A brat type name for a label: ASCII letters, digits, `_` and `-`, starting with a letter. */
function typeName(label: string): string {
  const name = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[A-Za-z]/.test(name) ? name : `T_${name}`;
}

/** Notes are one line: line breaks, tabs and backslashes are written as `\n`, `\t`, `\\`. */
const escapeNote = (text: string) => text.replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!);
const unescapeNote = (text: string) => text.replace(/\\([\\nrt])/g, (_, c: string) => ({ "\\": "\\", n: "\n", r: "\r", t: "\t" })[c]!);

const ASSERTED_BY = "Asserted by: ";
const EVIDENCE = "Evidence: ";

const tagKey = (tag: ExportTag) => `${tag.tagSet}\n${tag.name}`;

/** A unique type name for every tag set (a group, written `!Set`) and every tag of the export. */
function bratTypes(documents: readonly ExportDocument[]) {
  const taken = new Set<string>();
  const unique = (label: string) => {
    const base = typeName(label);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
  const sets = new Map<string, { type: string; tags: Map<string, { type: string; tag: ExportTag }> }>();
  for (const tag of documents.flatMap((d) => d.annotations.flatMap((a) => a.tags))) {
    if (!sets.has(tag.tagSet)) sets.set(tag.tagSet, { type: unique(tag.tagSet), tags: new Map() });
    const set = sets.get(tag.tagSet)!;
    if (!set.tags.has(tagKey(tag))) set.tags.set(tagKey(tag), { type: unique(tag.name), tag });
  }
  const relations = new Map<string, string>();
  for (const { annotations } of documents) {
    const here = new Set(annotations.map((a) => a.id));
    for (const link of annotations.flatMap((a) => sameDocumentLinks(a, here))) {
      if (!relations.has(link.type)) relations.set(link.type, unique(link.type));
    }
  }
  return { sets, relations };
}

/** The relations an annotation points from to annotations of the same document. */
const sameDocumentLinks = (a: ExportedAnnotation, here: ReadonlySet<string>) => (a.links ?? []).filter((l) => l.direction === "to" && here.has(l.annotationId));

/** The span's pieces between line breaks: a brat text column is one line, so brat splits spans at line breaks too. */
function fragments(text: string, start: number, end: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let from = start;
  for (const match of text.slice(start, end).matchAll(/\r?\n|\r/g)) {
    const at = start + match.index;
    if (at > from) pieces.push({ start: from, end: at });
    from = at + match[0].length;
  }
  if (end > from) pieces.push({ start: from, end });
  return pieces;
}

function annFile(document: ExportDocument, typeOf: (tag: ExportTag) => string, relationTypeOf: (name: string) => string): string {
  const index = codePointIndex(document.text);
  const lines: string[] = [];
  const counters = { T: 0, note: 0, A: 0, R: 0 };
  const firstT = new Map<string, string>();
  for (const a of document.annotations) {
    const pieces = fragments(document.text, a.start, a.end);
    if (pieces.length === 0) continue;
    const offsets = pieces.map((p) => `${index.toCodePoint(p.start)} ${index.toCodePoint(p.end)}`).join(";");
    const covered = pieces.map((p) => document.text.slice(p.start, p.end)).join(" ");
    for (const tag of a.tags) {
      const id = `T${++counters.T}`;
      if (!firstT.has(a.id)) firstT.set(a.id, id);
      lines.push(`${id}\t${typeOf(tag)} ${offsets}\t${covered}`);
      if (a.comment) lines.push(`#${++counters.note}\tAnnotatorNotes ${id}\t${escapeNote(a.comment)}`);
      if (a.claim) {
        lines.push(`A${++counters.A}\t${BRAT_CLAIM_ATTRIBUTE} ${id} ${STATUS_VALUES[a.claim.status]}`);
        lines.push(`A${++counters.A}\t${BRAT_ASSERTER_ATTRIBUTE} ${id} ${ASSERTER_VALUES[a.claim.asserter]}`);
        if (a.claim.assertedBy) lines.push(`#${++counters.note}\tAnnotatorNotes ${id}\t${ASSERTED_BY}${escapeNote(a.claim.assertedBy)}`);
        for (const url of a.claim.evidence) lines.push(`#${++counters.note}\tAnnotatorNotes ${id}\t${EVIDENCE}${escapeNote(asUri(url))}`);
      }
    }
  }
  const here = new Set(firstT.keys());
  for (const a of document.annotations) {
    if (!here.has(a.id)) continue;
    for (const link of sameDocumentLinks(a, here)) {
      lines.push(`R${++counters.R}\t${relationTypeOf(link.type)} Arg1:${firstT.get(a.id)} Arg2:${firstT.get(link.annotationId)}`);
    }
  }
  return lines.map((line) => `${line}\n`).join("");
}

/**
 * A comparison as a brat collection in `folder`: the two configuration files, then a `.txt`
 * and a `.ann` per document.
 */
export function writeBrat(folder: string, documents: readonly ExportDocument[]): TextFile[] {
  const { sets, relations } = bratTypes(documents);
  const typeOf = (tag: ExportTag) => sets.get(tag.tagSet)!.tags.get(tagKey(tag))!.type;
  const relationTypeOf = (name: string) => relations.get(name)!;
  const entities = [...sets.values()].flatMap((set) => [`!${set.type}`, ...[...set.tags.values()].map((t) => `\t${t.type}`)]);
  const ends = new Map([...relations.values()].map((type) => [type, { from: new Set<string>(), to: new Set<string>() }]));
  for (const { annotations } of documents) {
    const byId = new Map(annotations.filter((a) => a.tags.length > 0).map((a) => [a.id, a]));
    for (const a of byId.values()) {
      for (const link of sameDocumentLinks(a, new Set(byId.keys()))) {
        ends.get(relationTypeOf(link.type))!.from.add(typeOf(a.tags[0]!));
        ends.get(relationTypeOf(link.type))!.to.add(typeOf(byId.get(link.annotationId)!.tags[0]!));
      }
    }
  }
  const relationLines = [...ends].map(([type, { from, to }]) => `${type}\tArg1:${[...from].join("|")}, Arg2:${[...to].join("|")}`);
  const statuses = Object.values(STATUS_VALUES).join("|");
  const asserters = Object.values(ASSERTER_VALUES).join("|");
  const annotationConf = [
    "# Written by Parallax: each tag set is a group (!), each tag an entity type under it.",
    "[entities]",
    ...entities,
    "[relations]",
    ...relationLines,
    "[events]",
    "[attributes]",
    `${BRAT_CLAIM_ATTRIBUTE}\tArg:<ENTITY>, Value:${statuses}`,
    `${BRAT_ASSERTER_ATTRIBUTE}\tArg:<ENTITY>, Value:${asserters}`,
  ];
  const labels = [
    ...[...sets.entries()].flatMap(([name, set]) => [`${set.type} | ${name}`, ...[...set.tags.values()].map((t) => `${t.type} | ${t.tag.name}`)]),
    ...[...relations].map(([name, type]) => `${type} | ${name}`),
  ];
  const visualConf = ["[labels]", ...labels, "[drawing]"];
  return [
    { path: `${folder}/annotation.conf`, text: `${annotationConf.join("\n")}\n` },
    { path: `${folder}/visual.conf`, text: `${visualConf.join("\n")}\n` },
    ...documents.flatMap((d) => [
      { path: `${folder}/${d.stem}.txt`, text: d.text },
      { path: `${folder}/${d.stem}.ann`, text: annFile(d, typeOf, relationTypeOf) },
    ]),
  ];
}

// ---------------------------------------------------------------------------
// Reading

/** What a collection's configuration says about its types: the tag name and tag set of each. */
export type BratTypes = Map<string, { name: string; tagSet: string | null }>;

const sectionLines = (conf: string, section: string) => {
  const lines = conf.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `[${section}]`);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && /^\s*\[.+\]\s*$/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim() && !l.trim().startsWith("#"));
};

/**
 * Tag names and tag sets from `annotation.conf` (an entity type's set is the group it is
 * indented under) and `visual.conf` (a type's label is its name). Types neither file
 * describes are read from their name, `_` as a space, in no particular tag set.
 */
export function readBratConfig(annotationConf: string | null, visualConf: string | null): BratTypes {
  const labels = new Map<string, string>();
  for (const line of sectionLines(visualConf ?? "", "labels")) {
    const [type, label] = line.split("|").map((part) => part.trim());
    if (type && label) labels.set(type, label);
  }
  const nameOf = (type: string) => labels.get(type.replace(/^!/, "")) ?? labels.get(type) ?? type.replace(/^!/, "").replaceAll("_", " ");
  const types: BratTypes = new Map();
  const parents: string[] = [];
  for (const line of sectionLines(annotationConf ?? "", "entities")) {
    const depth = /^\t*/.exec(line)![0].length;
    const type = line.trim().split(/\s+/)[0]!;
    parents.length = depth;
    parents.push(type);
    if (type.startsWith("!")) continue;
    const group = parents.length > 1 ? parents[0]! : null;
    types.set(type, { name: nameOf(type), tagSet: group ? nameOf(group) : null });
  }
  for (const [type, label] of labels) if (!types.has(type) && !type.startsWith("!")) types.set(type, { name: label, tagSet: null });
  return types;
}

interface TextBound {
  id: string;
  where: string;
  type: string;
  start: number;
  end: number;
}

/**
 * One document's `.ann`, on its `.txt`: text-bound annotations (`T`) with their notes (`#`)
 * and claim attributes (`A`), spans on the same words joined into one annotation with all
 * their tags, and relations (`R`, Arg1 to Arg2) between them. Equivalences, events,
 * normalisations, other attributes and discontinuous spans are skipped, each with its reason; a line that is not brat, or offsets that do not fit
 * the text, refuse the whole file (AnnotationFileError, `<file>:<line>`).
 */
export function readBratDocument(file: { stem: string; annName: string; txt: string; ann: string }, types: BratTypes): ReadDocument {
  const { txt } = file;
  const index = codePointIndex(txt);
  const skipped: ReadDocument["skipped"] = [];
  const spans: TextBound[] = [];
  const notes = new Map<string, string[]>();
  const claims = new Map<string, { status?: ExportClaimStatus; asserter?: ExportClaimAsserter }>();
  const attached: { id: string; where: string }[] = [];
  const relations: { id: string; where: string; type: string; from: string; to: string }[] = [];

  file.ann.split(/\r?\n/).forEach((line, i) => {
    const where = `${file.annName}:${i + 1}`;
    if (!line.trim()) return;
    const [id = "", body = "", text] = line.split("\t");
    const fail = (problem: string) => new AnnotationFileError(where, problem);
    if (/^T\d+$/.test(id)) {
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!match) throw fail(`a text-bound annotation reads “T1<tab>Type start end<tab>text”, not “${line.slice(0, 80)}”.`);
      const pieces = match[2]!.split(";").map((pair) => {
        const [start, end] = pair.split(" ").map(Number) as [number, number];
        if (end <= start) throw fail(`the span ${start}–${end} ends before it starts.`);
        try {
          return { start: index.toUtf16(start), end: index.toUtf16(end) };
        } catch {
          throw fail(`the span ${start}–${end} lies beyond the text of ${file.stem}.txt (${[...txt].length} characters).`);
        }
      });
      const covered = pieces.map((p) => txt.slice(p.start, p.end)).join(" ");
      const squash = (value: string) => value.replace(/\s+/g, " ").trim();
      if (text !== undefined && squash(text) !== squash(covered)) {
        throw fail(`its text “${text.slice(0, 60)}” is not what ${file.stem}.txt has at those offsets (“${covered.slice(0, 60)}”): the .txt and .ann do not belong together.`);
      }
      const gaps = pieces.slice(1).map((p, k) => txt.slice(pieces[k]!.end, p.start));
      if (gaps.some((gap) => gap.trim())) {
        skipped.push({ where, reason: `${id} is discontinuous (words left out between its pieces), which a Parallax annotation cannot be` });
        return;
      }
      spans.push({ id, where, type: match[1]!, start: pieces[0]!.start, end: pieces.at(-1)!.end });
    } else if (id.startsWith("#")) {
      const [kind, target] = body.split(" ");
      if (kind !== "AnnotatorNotes" || !target?.startsWith("T")) {
        skipped.push({ where, reason: `a note on ${target ?? "nothing"}: only notes on text-bound annotations become comments` });
        return;
      }
      notes.set(target, [...(notes.get(target) ?? []), unescapeNote(text ?? "").trim()].filter(Boolean));
      attached.push({ id: target, where });
    } else if (/^[AM]\d+$/.test(id)) {
      const [name = "", target = "", value = ""] = body.split(" ");
      const claim = claims.get(target) ?? {};
      if (name === BRAT_CLAIM_ATTRIBUTE && STATUS_BY_VALUE.has(value.toLowerCase())) claim.status = STATUS_BY_VALUE.get(value.toLowerCase());
      else if (name === BRAT_ASSERTER_ATTRIBUTE && ASSERTER_BY_VALUE.has(value.toLowerCase())) claim.asserter = ASSERTER_BY_VALUE.get(value.toLowerCase());
      else {
        skipped.push({ where, reason: `the attribute “${[name, value].filter(Boolean).join(" ")}” has no Parallax field (only ${BRAT_CLAIM_ATTRIBUTE} and ${BRAT_ASSERTER_ATTRIBUTE} do)` });
        return;
      }
      claims.set(target, claim);
      attached.push({ id: target, where });
    } else if (/^R\d+$/.test(id)) {
      const [type = "", ...args] = body.split(" ");
      const roles = new Map(args.map((arg) => arg.split(":") as [string, string]));
      const from = roles.get("Arg1");
      const to = roles.get("Arg2");
      if (!type || roles.size !== 2 || !from || !to) {
        skipped.push({ where, reason: `relation ${id}: only relations from Arg1 to Arg2 become Parallax relations` });
        return;
      }
      relations.push({ id, where, type, from, to });
    } else if (id === "*") {
      skipped.push({ where, reason: "an equivalence: Parallax relations go from one annotation to another, so equivalences are not imported" });
    } else if (/^E\d+$/.test(id)) {
      skipped.push({ where, reason: `event ${id}: Parallax has no events (its trigger, a text-bound annotation, is imported)` });
    } else if (/^N\d+$/.test(id)) {
      skipped.push({ where, reason: `normalisation ${id}: links to external databases are not imported` });
    } else {
      throw fail(`“${line.slice(0, 80)}” is not a brat annotation line (T, R, E, A, M, N, * or #).`);
    }
  });

  const known = new Set(spans.map((s) => s.id));
  for (const { id, where } of attached) {
    if (!known.has(id)) skipped.push({ where, reason: `it belongs to ${id}, which is not a text-bound annotation that was imported` });
  }
  const ref = (id: string) => `${file.annName}#${id}`;
  const documentRelations: DocumentRelation[] = [];
  for (const r of relations) {
    const missing = [r.from, r.to].find((end) => !known.has(end));
    if (missing) skipped.push({ where: r.where, reason: `relation ${r.id} links ${missing}, which is not a text-bound annotation that was imported` });
    else documentRelations.push({ where: r.where, from: ref(r.from), to: ref(r.to), type: types.get(r.type)?.name ?? r.type.replaceAll("_", " "), author: null });
  }
  const documentSpans: DocumentSpan[] = spans.map((span) => {
    const claim = claims.get(span.id);
    const all = notes.get(span.id) ?? [];
    // With a claim, its notes of who asserts it and of its evidence are claim fields, not comment.
    const claimNote = (note: string) => claim !== undefined && (note.startsWith(ASSERTED_BY) || /^Evidence: https?:\/\/\S+$/.test(note));
    const assertedBy = all.find((n) => claim && n.startsWith(ASSERTED_BY))?.slice(ASSERTED_BY.length) ?? null;
    const importedClaim: ImportedClaim | null = claim ? { status: claim.status ?? "UNVERIFIED", asserter: claim.asserter ?? "OUTLET", assertedBy } : null;
    const tag = types.get(span.type) ?? { name: span.type.replaceAll("_", " "), tagSet: null };
    const comment = all.filter((n) => !claimNote(n));
    const links = all.filter((n) => claimNote(n) && n.startsWith(EVIDENCE)).map((n) => n.slice(EVIDENCE.length));
    return { where: span.where, start: span.start, end: span.end, tag, author: null, comment: comment.length ? comment.join("\n\n") : null, claim: importedClaim, links, ref: ref(span.id) };
  });
  return { stem: file.stem, text: txt, annotations: joinSpans(txt, documentSpans, documentRelations), skipped };
}
