/**
 * Loads the demo comparison that a new user sees on first start: manifest.json plus one
 * plain-text file per source, all in this folder. The manifest names spans by their exact
 * text, which must occur exactly once in the source so that anchoring is unambiguous.
 * Anything that would seed a broken comparison (bad shape, unknown outlet or tag, a quote
 * that is missing or ambiguous) throws a DemoContentError before the seed writes any row,
 * so a half-seeded demo never exists.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { TAXONOMY_SET_KEYS, findDefaultTag } from "../../lib/domain/taxonomy";

const ZIsoDate = z.iso.date().describe("Calendar date, YYYY-MM-DD");
const ZFileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.txt$/, "must be a lower-case kebab-case .txt file name in prisma/demo/")
  .describe("Source body file, relative to prisma/demo/");
const ZNonEmpty = z.string().trim().min(1);
/** Quoted source text is compared character for character, so it is never trimmed. */
const ZExact = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s, "must not start or end with whitespace");

export const ZDemoComparison = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case"),
  title: ZNonEmpty,
  description: ZNonEmpty,
  eventDate: ZIsoDate,
});

export const ZDemoOutlet = z.object({
  name: ZNonEmpty,
  site: z.url({ protocol: /^https$/ }),
  country: ZNonEmpty,
  notes: ZNonEmpty.describe("Ownership and leaning (invented)"),
});

export const ZDemoDocument = z.object({
  file: ZFileName,
  outlet: ZNonEmpty.describe("Name of an outlet in `outlets`"),
  title: ZNonEmpty,
  author: ZNonEmpty,
  url: z.url({ protocol: /^https$/ }),
  published: ZIsoDate,
});

export const ZDemoFactRow = z.object({
  label: ZNonEmpty,
  passages: z
    .record(ZFileName, ZExact.describe("Exact text of the passage; must occur once in the file"))
    .refine((p) => Object.keys(p).length >= 2, "a fact row needs passages from at least two sources"),
});

export const ZDemoClaim = z.object({
  assertedBy: ZNonEmpty.describe('"outlet", or the name of the quoted party'),
  status: z.enum(["unverified", "supported", "disputed", "false"]),
  evidence: z.array(z.url({ protocol: /^https$/ })).default([]),
});

export const ZDemoAnnotation = z.object({
  file: ZFileName,
  exact: ZExact.describe("Exact text of the annotated span; must occur once in the file"),
  tags: z
    .array(z.object({ set: z.enum(TAXONOMY_SET_KEYS), tag: ZNonEmpty }))
    .min(1, "an annotation needs at least one tag"),
  comment: ZNonEmpty.optional(),
  claim: ZDemoClaim.optional(),
});

export const ZDemoManifest = z.object({
  comparison: ZDemoComparison,
  outlets: z.array(ZDemoOutlet).min(1),
  documents: z.array(ZDemoDocument).min(2),
  factRows: z.array(ZDemoFactRow),
  annotations: z.array(ZDemoAnnotation),
});

export type TDemoManifest = z.infer<typeof ZDemoManifest>;
export type TDemoComparison = z.infer<typeof ZDemoComparison>;
export type TDemoOutlet = z.infer<typeof ZDemoOutlet>;
export type TDemoClaim = z.infer<typeof ZDemoClaim>;

export type TDemoFactRow = z.infer<typeof ZDemoFactRow>;
export type TDemoAnnotation = z.infer<typeof ZDemoAnnotation>;

export interface DemoDocument extends z.infer<typeof ZDemoDocument> {
  /** Plain text body: paragraphs separated by one blank line, no trailing newline. */
  text: string;
}

/**
 * The validated demo. Fact-row passages (keyed by document file; a document without a
 * passage leaves the fact out) and annotations name their span by its exact text, which
 * the loader has checked occurs exactly once in that document's `text`, so
 * `text.indexOf(exact)` is its position.
 */
export interface DemoContent {
  comparison: TDemoComparison;
  outlets: TDemoOutlet[];
  documents: DemoDocument[];
  factRows: TDemoFactRow[];
  annotations: TDemoAnnotation[];
}

export class DemoContentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`Invalid demo content: ${message}`, options);
    this.name = "DemoContentError";
  }
}

/** Start offsets of every occurrence of `needle` in `haystack`, overlapping ones included. */
export function findOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function assertOccursOnce(text: string, exact: string, where: string): void {
  const hits = findOccurrences(text, exact).length;
  if (hits !== 1) {
    const problem = hits === 0 ? "does not occur" : `occurs ${hits} times (must be once)`;
    throw new DemoContentError(`${where}: ${JSON.stringify(exact)} ${problem}`);
  }
}

export interface LoadDemoOptions {
  /** Folder holding manifest.json and the .txt files; defaults to this module's folder. */
  dir?: string;
}

/** Reads and validates the demo comparison. Throws DemoContentError on bad content. */
export async function loadDemoContent(options: LoadDemoOptions = {}): Promise<DemoContent> {
  const dir = options.dir ?? import.meta.dirname;
  const manifestPath = path.join(dir, "manifest.json");

  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestPath, "utf8"));
  } catch (error) {
    throw new DemoContentError(`cannot read ${manifestPath}: ${(error as Error).message}`, { cause: error });
  }

  const parsed = ZDemoManifest.safeParse(raw);
  if (!parsed.success) {
    throw new DemoContentError(`${manifestPath}\n${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  const manifest = parsed.data;

  const outletNames = new Set<string>();
  for (const outlet of manifest.outlets) {
    if (outletNames.has(outlet.name)) throw new DemoContentError(`outlet ${JSON.stringify(outlet.name)} is listed twice`);
    outletNames.add(outlet.name);
  }

  const texts = new Map<string, string>();
  const documents: DemoDocument[] = [];
  for (const doc of manifest.documents) {
    if (texts.has(doc.file)) throw new DemoContentError(`document ${doc.file} is listed twice`);
    if (!outletNames.has(doc.outlet)) {
      throw new DemoContentError(`document ${doc.file} names unknown outlet ${JSON.stringify(doc.outlet)}`);
    }
    let fileText: string;
    try {
      fileText = await readFile(path.join(dir, doc.file), "utf8");
    } catch (error) {
      throw new DemoContentError(`cannot read document ${doc.file}: ${(error as Error).message}`, { cause: error });
    }
    // Files end with a newline by editor convention; the source text does not.
    const text = fileText.replace(/\n+$/, "");
    if (text.trim() === "") throw new DemoContentError(`document ${doc.file} is empty`);
    if (text.includes("\r")) throw new DemoContentError(`document ${doc.file} has \\r line endings`);
    if (text !== text.normalize("NFC")) throw new DemoContentError(`document ${doc.file} is not NFC-normalized`);
    texts.set(doc.file, text);
    documents.push({ ...doc, text });
  }

  const textOf = (file: string, where: string): string => {
    const text = texts.get(file);
    if (text === undefined) throw new DemoContentError(`${where} refers to ${file}, which is not in documents`);
    return text;
  };

  manifest.factRows.forEach((row, i) => {
    const where = `factRows[${i}] (${JSON.stringify(row.label)})`;
    for (const [file, exact] of Object.entries(row.passages)) {
      assertOccursOnce(textOf(file, where), exact, `${where}, ${file}`);
    }
  });

  manifest.annotations.forEach((annotation, i) => {
    const where = `annotations[${i}] (${annotation.file})`;
    for (const { set, tag } of annotation.tags) {
      if (!findDefaultTag(set, tag)) throw new DemoContentError(`${where}: no tag ${JSON.stringify(tag)} in default set ${set}`);
    }
    assertOccursOnce(textOf(annotation.file, where), annotation.exact, where);
  });

  const { comparison, outlets, factRows, annotations } = manifest;
  return { comparison, outlets, documents, factRows, annotations };
}
