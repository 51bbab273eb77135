import { joinSpans, type DocumentRelation, type DocumentSpan, type ExportDocument, type ReadDocument, type TextFile } from "./documents";
import { AnnotationFileError, type ImportedClaim } from "./read-web-annotations";
import type { ExportClaimAsserter, ExportClaimStatus, ExportedAnnotation } from "./types";
import { asUri } from "./web-annotation";

/**
 * WebAnno TSV 3.3, the tab-separated format INCEpTION and WebAnno import and export: a
 * header naming the layers and their features, then per sentence its `#Text=` and one line
 * per token (`<sentence>-<token>`, `<begin>-<end>`, the token, then a column per feature).
 * A span over several tokens carries the same `[n]` on each; spans on one token are stacked
 * with `|`.
 *
 * Offsets count UTF-16 code units, as Java (and so INCEpTION) does: an emoji counts two.
 * Parallax writes one span layer, `webanno.custom.Parallax`, one span per tag with the
 * annotation's author, claim (status, asserter, who asserts it, evidence links separated by
 * spaces) and comment as features; it reads that layer and any other
 * span layer (its `value` feature, else its first feature with a value, as the tag, the
 * layer's name as the tag set).
 *
 * Relations between annotations of the same source are Parallax's relation layer,
 * `webanno.custom.ParallaxRelation` with the type's name as its `type` feature, written as
 * INCEpTION writes relations: on the first token of the annotation it points to (the
 * dependent), the last column naming the one it points from (the governor) by that one's
 * first token and both spans' ids, `<governor token>[<governor span>_<dependent span>]`
 * (`0` for a span on one token without an id). Other relation layers and chain layers are
 * skipped with their reason.
 */

export const WEBANNO_LAYER = "webanno.custom.Parallax";
export const WEBANNO_RELATION_LAYER = "webanno.custom.ParallaxRelation";
const GOVERNOR = `BT_${WEBANNO_LAYER}`;
const FEATURES = ["assertedBy", "author", "claimAsserter", "claimStatus", "comment", "evidence", "tag", "tagSet"] as const;
type Feature = (typeof FEATURES)[number];

const STATUS_VALUES: Record<ExportClaimStatus, string> = { UNVERIFIED: "unverified", SUPPORTED: "supported", DISPUTED: "disputed", FALSE: "false" };
const ASSERTER_VALUES: Record<ExportClaimAsserter, string> = { OUTLET: "outlet", QUOTED_PARTY: "quoted party" };
const lookup = <K extends string>(record: Record<K, string>, value: string | null) =>
  (Object.entries(record) as [K, string][]).find(([, v]) => v === value?.toLowerCase())?.[0];

/**
 * A feature value as INCEpTION escapes it: `\ [ ] | _ -> ; *`, tab and line break with a
 * backslash (a tab as `\t`, a line break as `\n`; a CR LF or lone CR is one line break).
 */
export function escapeTsv(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/->|[\\[\]|_;*\t\n]/g, (c) => ({ "\t": "\\t", "\n": "\\n" })[c] ?? `\\${c}`);
}

export function unescapeTsv(value: string): string {
  return value.replace(/\\(->|[\s\S])/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", f: "\f", b: "\b" })[c] ?? c);
}

/**
 * A sentence's text (`#Text=`) as INCEpTION escapes it: only the backslash, tab, line
 * breaks, form feed, backspace (`\\ \t \n \r \f \b`) and other control characters (a
 * backslash before them); `* _ [ ] | ;` stay as they are. unescapeTsv reads it back.
 */
export function escapeTsvText(text: string): string {
  const named: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f", "\b": "\\b", "\v": "\v" };
  let escaped = "";
  for (const c of text) escaped += named[c] ?? (c < " " ? `\\${c}` : c);
  return escaped;
}

/** Splits at a separator not escaped by a backslash. */
function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    if (value[i] === "\\" && i + 1 < value.length) {
      current += value[i]! + value[++i]!;
    } else if (value[i] === separator) {
      parts.push(current);
      current = "";
    } else current += value[i];
  }
  return [...parts, current];
}

// ---------------------------------------------------------------------------
// Writing

interface Token {
  start: number;
  end: number;
}

/**
 * Words, and every other visible character on its own, cut again wherever an annotation
 * starts or ends, so that each span covers whole tokens.
 */
function tokenize(text: string, cuts: ReadonlySet<number>): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu)) {
    let start = match.index;
    const end = match.index + match[0].length;
    for (let at = start + 1; at < end; at++) {
      if (cuts.has(at)) {
        tokens.push({ start, end: at });
        start = at;
      }
    }
    tokens.push({ start, end });
  }
  return tokens;
}

function featureValues(a: ExportedAnnotation, tag: ExportedAnnotation["tags"][number]): Record<Feature, string> {
  return {
    assertedBy: a.claim?.assertedBy ?? "",
    author: a.author.name,
    claimAsserter: a.claim ? ASSERTER_VALUES[a.claim.asserter] : "",
    claimStatus: a.claim ? STATUS_VALUES[a.claim.status] : "",
    comment: a.comment ?? "",
    // Links hold no spaces: they are written as URIs.
    evidence: a.claim?.evidence.map(asUri).join(" ") ?? "",
    tag: tag.name,
    tagSet: tag.tagSet,
  };
}

/**
 * One source as a WebAnno TSV 3.3 file, laid out as INCEpTION writes one: the header, two
 * blank lines, then per sentence (one per line of the text) its `#Text=` and its tokens, a
 * blank line between sentences, each token line ending with a tab. A span carries an id
 * (`[n]`) only where INCEpTION gives one: over several tokens, or stacked with another
 * span on a token.
 */
export function toWebAnnoTsv(document: ExportDocument): string {
  const { text } = document;
  const tokens = tokenize(text, new Set(document.annotations.flatMap((a) => [a.start, a.end])));
  const covered = (start: number, end: number) => tokens.filter((t) => start <= t.start && t.end <= end);
  const raw = document.annotations.flatMap((a) => a.tags.map((tag) => ({ annotation: a.id, start: a.start, end: a.end, tokens: covered(a.start, a.end), values: featureValues(a, tag) })));
  const spansOn = new Map<Token, number>();
  for (const span of raw) for (const token of span.tokens) spansOn.set(token, (spansOn.get(token) ?? 0) + 1);
  let nextId = 0;
  const spans = raw.map((span) => ({ ...span, id: span.tokens.length > 1 || span.tokens.some((t) => spansOn.get(t)! > 1) ? ++nextId : null }));
  const firstSpan = new Map<string, (typeof spans)[number]>();
  for (const span of spans) if (!firstSpan.has(span.annotation)) firstSpan.set(span.annotation, span);

  const sentences: { text: string; tokens: { token: Token; id: string }[] }[] = [];
  let lineStart = 0;
  for (const line of text.split(/(?<=\r\n|\n|\r)/)) {
    const lineEnd = lineStart + line.length;
    const inLine = tokens.filter((t) => t.start >= lineStart && t.end <= lineEnd);
    lineStart = lineEnd;
    if (inLine.length === 0) continue;
    const sentence = sentences.length + 1;
    sentences.push({ text: text.slice(inLine[0]!.start, inLine.at(-1)!.end), tokens: inLine.map((token, i) => ({ token, id: `${sentence}-${i + 1}` })) });
  }
  const tokenId = new Map(sentences.flatMap((s) => s.tokens.map(({ token, id }) => [token, id] as const)));
  /**
   * Each relation of the document, on the first token of the span it points to (the
   * dependent), naming the first token of the span it starts from (the governor), with
   * both spans' ids when either has one (`0` for the other).
   */
  const relationsAt = new Map<string, { type: string; governor: string }[]>();
  for (const a of document.annotations) {
    for (const link of a.links ?? []) {
      const governor = firstSpan.get(a.id);
      const dependent = firstSpan.get(link.annotationId);
      if (link.direction !== "to" || !governor?.tokens[0] || !dependent?.tokens[0]) continue;
      const at = tokenId.get(dependent.tokens[0])!;
      const ids = governor.id !== null || dependent.id !== null ? `[${governor.id ?? 0}_${dependent.id ?? 0}]` : "";
      relationsAt.set(at, [...(relationsAt.get(at) ?? []), { type: link.type, governor: `${tokenId.get(governor.tokens[0])!}${ids}` }]);
    }
  }

  const lines = ["#FORMAT=WebAnno TSV 3.3", `#T_SP=${WEBANNO_LAYER}|${FEATURES.join("|")}`, `#T_RL=${WEBANNO_RELATION_LAYER}|type|${GOVERNOR}`, ""];
  for (const sentence of sentences) {
    lines.push("", `#Text=${escapeTsvText(sentence.text)}`);
    for (const { token, id } of sentence.tokens) {
      const stacked = spans.filter((s) => s.tokens.includes(token));
      const columns = FEATURES.map((feature) =>
        stacked.length === 0 ? "_" : stacked.map((s) => `${s.values[feature] ? escapeTsv(s.values[feature]) : "*"}${s.id === null ? "" : `[${s.id}]`}`).join("|"),
      );
      const relations = relationsAt.get(id) ?? [];
      const relationColumns = relations.length === 0 ? ["_", "_"] : [relations.map((r) => (r.type ? escapeTsv(r.type) : "*")).join("|"), relations.map((r) => r.governor).join("|")];
      // The token as it is in the text (INCEpTION does not escape it); tokens hold no white space.
      lines.push(`${[id, `${token.start}-${token.end}`, text.slice(token.start, token.end), ...columns, ...relationColumns].join("\t")}\t`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A comparison as WebAnno TSV: one `.tsv` per source in `folder`. */
export function writeWebAnno(folder: string, documents: readonly ExportDocument[]): TextFile[] {
  return documents.map((d) => ({ path: `${folder}/${d.stem}.tsv`, text: toWebAnnoTsv(d) }));
}

// ---------------------------------------------------------------------------
// Reading

interface Layer {
  kind: "SP" | "RL" | "CH";
  name: string;
  features: string[];
  /** The first of its columns, counted from the first feature column. */
  column: number;
}

interface Unit {
  layer: Layer;
  where: string;
  start: number;
  end: number;
  values: Map<string, string | null>;
}

/** An item of a feature column: its value (null for `*`) and the id that ties the tokens of one span. */
function readItem(item: string): { value: string | null; id: string | null } {
  const match = /^([\s\S]*?)\[(\d+(?:_\d+)?)\]$/.exec(item);
  const escapedBracket = match && /(^|[^\\])(\\\\)*\\$/.test(match[1]!);
  const raw = match && !escapedBracket ? match[1]! : item;
  const id = match && !escapedBracket ? match[2]! : null;
  return { value: raw === "*" || raw === "" ? null : unescapeTsv(raw), id };
}

/**
 * One WebAnno TSV 3 file as a document: its text rebuilt from the sentences (`#Text=`) at
 * their tokens' offsets, and its spans as annotations. `annotator` is the user the file is
 * by, when its place says so (INCEpTION's `annotation/<document>/<user>.tsv`); Parallax's
 * own layer names each span's author. Anything that is not WebAnno TSV 3 refuses the whole
 * file, naming the line.
 */
export function readWebAnnoTsv(file: { stem: string; name: string; tsv: string; annotator: string | null }): ReadDocument {
  const lines = file.tsv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const fail = (line: number, problem: string) => new AnnotationFileError(`${file.name}:${line + 1}`, problem);
  if (!/^#FORMAT=WebAnno TSV 3(\.\d+)?\s*$/.test(lines[0] ?? "")) throw fail(0, "a WebAnno TSV 3 file starts with “#FORMAT=WebAnno TSV 3.3”.");

  const layers: Layer[] = [];
  let columns = 0;
  const skipped: ReadDocument["skipped"] = [];
  const units = new Map<string, Unit>();
  const tokenLines = new Map<string, number>();
  const relationItems: { where: string; line: number; type: string | null; governor: { value: string | null; id: string | null } }[] = [];
  const tokens: { start: number; end: number; text: string; line: number }[] = [];
  const sentences: { text: string[]; tokens: typeof tokens }[] = [];
  let inTokens = true;

  lines.forEach((line, n) => {
    if (n === 0 || line === "") return;
    const header = /^#T_(SP|RL|CH)=([^|]+)\|?(.*)$/.exec(line);
    if (header) {
      const features = header[3] ? header[3].split("|") : [];
      layers.push({ kind: header[1] as Layer["kind"], name: header[2]!, features, column: columns });
      columns += features.length;
      return;
    }
    if (line.startsWith("#Text=")) {
      if (inTokens || sentences.length === 0) sentences.push({ text: [], tokens: [] });
      sentences.at(-1)!.text.push(unescapeTsv(line.slice("#Text=".length)));
      inTokens = false;
      return;
    }
    if (line.startsWith("#")) return;
    inTokens = true;
    // Tabs in values and in the text are escaped (`\t`): every tab separates columns.
    const cells = line.split("\t");
    if (cells.length === 4 + columns && cells.at(-1) === "") cells.pop();
    if (cells.length !== 3 + columns) throw fail(n, `a token line has ${cells.length} columns, where the header declares ${3 + columns}.`);
    const offsets = /^(\d+)-(\d+)$/.exec(cells[1]!);
    if (!/^\d+-\d+(\.\d+)?$/.test(cells[0]!) || !offsets) throw fail(n, `a token line starts with “<sentence>-<token>” and “<begin>-<end>”, not “${cells.slice(0, 2).join(" ")}”.`);
    const start = Number(offsets[1]);
    const end = Number(offsets[2]);
    // INCEpTION writes the token as it is; files of earlier Parallax versions escaped it as a value.
    const text = cells[2]!.length === end - start ? cells[2]! : unescapeTsv(cells[2]!);
    if (end <= start || end - start !== text.length) throw fail(n, `the token “${text}” does not fit its offsets ${start}-${end} (UTF-16 code units).`);
    const token = { start, end, text, line: n };
    tokens.push(token);
    tokenLines.set(cells[0]!, n);
    if (sentences.length === 0) sentences.push({ text: [], tokens: [] });
    sentences.at(-1)!.tokens.push(token);

    for (const layer of layers) {
      const cellsOf = layer.features.map((_, f) => cells[3 + layer.column + f]!);
      if (layer.kind !== "SP") {
        const first = cellsOf[0];
        if (first === undefined || first === "_") continue;
        const own = layer.kind === "RL" && layer.name === WEBANNO_RELATION_LAYER && layer.features.at(-1) === GOVERNOR;
        const governors = splitUnescaped(cellsOf.at(-1)!, "|");
        splitUnescaped(first, "|").forEach((item, k) => {
          const where = `${file.name}:${n + 1}`;
          if (own) {
            relationItems.push({ where, line: n, type: readItem(item).value, governor: readItem(governors[k] ?? "") });
            return;
          }
          const what = layer.kind === "RL" ? `a relation (${layer.name})` : `a chain link (${layer.name})`;
          const why = layer.kind === "RL" ? `only Parallax's own relation layer (${WEBANNO_RELATION_LAYER}) is imported` : "coreference chains are not imported";
          skipped.push({ where, reason: `${what}${readItem(item).value ? ` “${readItem(item).value}”` : ""}: ${why}` });
        });
        continue;
      }
      const stacks = cellsOf.map((cell) => (cell === "_" ? [] : splitUnescaped(cell, "|")));
      const depth = Math.max(0, ...stacks.map((s) => s.length));
      for (let k = 0; k < depth; k++) {
        const items = stacks.map((s) => (s[k] !== undefined ? readItem(s[k]!) : { value: null, id: null }));
        const id = items.find((i) => i.id)?.id;
        const key = id ? `${layer.name}#${id}` : `${layer.name}@${n}:${k}`;
        const unit = units.get(key) ?? { layer, where: `${file.name}:${n + 1}`, start, end, values: new Map() };
        unit.start = Math.min(unit.start, start);
        unit.end = Math.max(unit.end, end);
        layer.features.forEach((feature, f) => {
          if (!unit.values.get(feature)) unit.values.set(feature, items[f]!.value);
        });
        units.set(key, unit);
      }
    }
  });

  const text = rebuildText(sentences, tokens);
  const spans: DocumentSpan[] = [];
  const ref = (key: string) => `${file.name}#${key}`;
  for (const [key, unit] of units) {
    const span = toSpan(unit, file.annotator);
    if (span) spans.push({ ...span, ref: ref(key) });
    else skipped.push({ where: unit.where, reason: `a span of ${unit.layer.name} with no label (none of its features has a value)` });
  }
  const known = new Set(spans.map((s) => s.ref));
  /** A span of Parallax's layer by its id, or (`0`) the one span without an id on the token of that line. */
  const spanKey = (id: string | undefined, line: number | undefined) => (id && id !== "0" ? ref(`${WEBANNO_LAYER}#${id}`) : ref(`${WEBANNO_LAYER}@${line}:0`));
  const relations: DocumentRelation[] = [];
  for (const item of relationItems) {
    const [governorId, dependentId] = (item.governor.id ?? "0_0").split("_");
    const from = spanKey(governorId, tokenLines.get(item.governor.value ?? ""));
    const to = spanKey(dependentId, item.line);
    if (!item.type || !known.has(from) || !known.has(to)) {
      skipped.push({ where: item.where, reason: item.type ? `a relation “${item.type}” whose ends are not both labelled spans of ${WEBANNO_LAYER}` : "a relation with no type" });
      continue;
    }
    relations.push({ where: item.where, from, to, type: item.type, author: file.annotator });
  }
  return { stem: file.stem, text, annotations: joinSpans(text, spans, relations), skipped };
}

function toSpan(unit: Unit, annotator: string | null): DocumentSpan | null {
  const value = (feature: string) => unit.values.get(feature) ?? null;
  const base = { where: unit.where, start: unit.start, end: unit.end };
  if (unit.layer.name === WEBANNO_LAYER) {
    const tag = value("tag");
    if (!tag) return null;
    const status = lookup(STATUS_VALUES, value("claimStatus"));
    const asserter = lookup(ASSERTER_VALUES, value("claimAsserter"));
    const claim: ImportedClaim | null = status ? { status, asserter: asserter ?? "OUTLET", assertedBy: value("assertedBy") } : null;
    const links = claim ? (value("evidence") ?? "").split(/\s+/).filter(Boolean) : [];
    return { ...base, tag: { name: tag, tagSet: value("tagSet") }, author: value("author") ?? annotator, comment: value("comment"), claim, links };
  }
  const label = value("value") ?? [...unit.values.values()].find((v) => v) ?? null;
  if (!label) return null;
  return { ...base, tag: { name: label, tagSet: unit.layer.name.split(".").at(-1)! }, author: annotator, comment: null, claim: null, links: [] };
}

/**
 * The document's text as far as the file has it: each sentence's text at its first token,
 * line breaks between sentences (the file does not say what was there). A sentence whose
 * `#Text=` does not agree with its tokens is rebuilt from the tokens, spaces between them.
 */
function rebuildText(sentences: { text: string[]; tokens: { start: number; end: number; text: string }[] }[], tokens: { end: number }[]): string {
  const chars: string[] = Array.from({ length: Math.max(0, ...tokens.map((t) => t.end)) }, () => "\n");
  for (const sentence of sentences) {
    if (sentence.tokens.length === 0) continue;
    const from = sentence.tokens[0]!.start;
    const to = sentence.tokens.at(-1)!.end;
    const written = sentence.text.join("\n");
    const agrees = written.length === to - from && sentence.tokens.every((t) => written.slice(t.start - from, t.end - from) === t.text);
    if (agrees) {
      for (let i = 0; i < written.length; i++) chars[from + i] = written[i]!;
      continue;
    }
    for (let i = from; i < to; i++) chars[i] = " ";
    for (const token of sentence.tokens) for (let i = 0; i < token.text.length; i++) chars[token.start + i] = token.text[i]!;
  }
  return chars.join("");
}
