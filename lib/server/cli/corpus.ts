import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CorpusFile } from "@/lib/domain/export/ptc";
import { AppError } from "@/lib/server/errors";
import { CORPUS_FORMAT_NAMES, CORPUS_FORMATS, isCorpusFormat, readCorpus, type CorpusFormat } from "@/lib/server/export/corpus-formats";
import { exportPtcFiles } from "@/lib/server/export/export-corpus";
import type { ImportReport } from "@/lib/server/export/import-annotations";
import { importCorpus, importCorpusAsComparison } from "@/lib/server/export/import-corpus";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { exportToFile } from "./export-to-file";
import { resolveActor } from "./resolve-actor";

/**
 * `import … --format labelstudio|doccano|ptc` and `export … --format labelstudio|doccano|ptc`:
 * the corpus formats, whose files carry the documents' text with the labelled spans.
 */
export const CORPUS_USAGE = `  npm run cli -- import <folder> --workspace <slug> --format ptc [--comparison <slug>] [--as <email>]
  npm run cli -- import <file> --workspace <slug> --format labelstudio|doccano [--comparison <slug>] [--as <email>]
      Imports a propaganda-technique corpus folder (article<ID>.txt + article<ID>.labels.tsv),
      a Label Studio JSON export or a doccano JSONL file: into a new comparison named after
      the folder or file, one source per article, or into --comparison, whose sources must
      hold the texts. The spans become annotations of the acting member (or, for Label
      Studio, of the member named by completed_by); all of them or, on a malformed file, none.
  npm run cli -- export <comparison> --workspace <slug> --format ptc --out <folder> [--as <email>]
  npm run cli -- export <comparison> --workspace <slug> --format labelstudio|doccano --out <file> [--as <email>]
      Writes the sources' texts with their annotations in that format (--out a new or empty folder for ptc).`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

const OPTIONS = { workspace: { type: "string" }, comparison: { type: "string" }, format: { type: "string" }, out: { type: "string" }, as: { type: "string" } } as const;

/** The corpus format an import or export names with --format, if it names one. */
export function corpusFormatIn(args: string[]): CorpusFormat | null {
  const { values } = parseArgs({ args, allowPositionals: true, strict: false, options: OPTIONS });
  return typeof values.format === "string" && isCorpusFormat(values.format) ? values.format : null;
}

async function readInput(format: CorpusFormat, input: string): Promise<CorpusFile[]> {
  const target = path.resolve(input);
  const info = await stat(target).catch(() => {
    throw new AppError("NOT_FOUND", `No ${format === "ptc" ? "folder" : "file"} at ${target}.`);
  });
  if (format !== "ptc") {
    if (!info.isFile()) throw new AppError("INVALID_INPUT", `${target} is not a file: give the ${CORPUS_FORMAT_NAMES[format]} file.`);
    return [{ name: path.basename(target), content: await readFile(target, "utf8") }];
  }
  if (!info.isDirectory()) throw new AppError("INVALID_INPUT", `${target} is not a folder: give the folder of article<ID>.txt and article<ID>.labels.tsv files.`);
  const entries = (await readdir(target, { withFileTypes: true })).filter((e) => e.isFile());
  return Promise.all(entries.map(async (e) => ({ name: e.name, content: await readFile(path.join(target, e.name), "utf8") })));
}

function printReport(io: Io, report: ImportReport) {
  for (const { where, reason } of report.skipped) io.out(`skipped   ${where}: ${reason}`);
  for (const { name, tagSet } of report.newTags) io.out(`new tag   “${name}” in “${tagSet}”`);
  for (const { where, creator } of report.reassigned) io.out(`author    ${where}: “${creator}” is not a member who may annotate; the annotation is yours`);
}

/** `import <folder|file> --workspace <slug> --format <corpus format> [--comparison <slug>] [--as <email>]`; returns the exit code. */
export async function runCorpusImport(args: string[], io: Io = defaultIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const input = positionals[0];
  const format = values.format;
  if (!input || !values.workspace || !isCorpusFormat(format)) {
    io.err(`Importing a corpus needs the ${format === "ptc" ? "folder" : "file"}, --workspace and --format ${CORPUS_FORMATS.join("|")}.\n\nUsage:\n${CORPUS_USAGE}`);
    return 2;
  }
  const corpus = readCorpus(format, await readInput(format, input));
  const actor = await resolveActor(values.workspace, values.as);
  let report: ImportReport;
  let into: string;
  if (values.comparison) {
    const { comparison } = await requireComparison(actor, values.workspace, values.comparison);
    report = await importCorpus(actor, comparison.id, corpus);
    into = comparison.slug;
  } else {
    const title = path.basename(path.resolve(input)).replace(/\.(json|jsonl)$/i, "");
    const created = await importCorpusAsComparison(actor, values.workspace, title, corpus);
    io.out(`new comparison “${created.comparison.title}” (named after the ${format === "ptc" ? "folder" : "file"}), ${created.sources} sources`);
    report = created;
    into = created.comparison.slug;
  }
  printReport(io, report);
  const saved = report.exact + report.fuzzy + report.orphaned;
  io.out(
    `\n${saved} annotations imported into /w/${values.workspace}/c/${into}: ` +
      `${report.exact} anchored exactly, ${report.fuzzy} fuzzily, ${report.orphaned} orphaned (kept to re-attach); ${report.skipped.length} skipped`,
  );
  return 0;
}

/**
 * Writes the PTC files into a folder that does not exist yet (or is empty): into a
 * temporary folder beside it first, renamed once complete, so a failure leaves nothing.
 */
async function writeFolder(out: string, files: CorpusFile[]) {
  const existing = await readdir(out).catch(() => null);
  if (existing && existing.length > 0) throw new AppError("CONFLICT", `${out} is not empty: give a new or empty folder for the corpus.`);
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(4).toString("hex")}.part`);
  try {
    await mkdir(partial, { recursive: true });
    for (const file of files) await writeFile(path.join(partial, file.name), file.content, { flag: "wx" });
    if (existing) await rmdir(out);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** `export <comparison> --workspace <slug> --format <corpus format> --out <folder|file> [--as <email>]`; returns the exit code. */
export async function runCorpusExport(args: string[], io: Io = defaultIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const comparison = positionals[0];
  const format = values.format;
  if (!comparison || !values.workspace || !values.out || !isCorpusFormat(format)) {
    io.err(`Exporting a corpus needs the comparison, --workspace, --format ${CORPUS_FORMATS.join("|")} and --out.\n\nUsage:\n${CORPUS_USAGE}`);
    return 2;
  }
  if (format !== "ptc") {
    const written = await exportToFile({ comparison, workspace: values.workspace, format, out: values.out, as: values.as });
    io.out(`Wrote ${written.path} (${CORPUS_FORMAT_NAMES[format]}, ${written.bytes.toLocaleString("en")} bytes).`);
    return 0;
  }
  const actor = await resolveActor(values.workspace, values.as);
  const found = await requireComparison(actor, values.workspace, comparison);
  const { files, leftOut, notOnCurrentText } = await exportPtcFiles(actor, found.comparison.id);
  const out = path.resolve(values.out);
  await writeFolder(out, files);
  io.out(`Wrote ${files.length / 2} articles to ${out} (article<ID>.txt and article<ID>.labels.tsv).`);
  if (leftOut) io.out(`left out ${leftOut} tags the corpus has no technique name for (tags of other tag sets, or added to Persuasion techniques).`);
  if (notOnCurrentText) io.out(`left out ${notOnCurrentText} annotations that are not on their source's current text (orphans to re-attach).`);
  return 0;
}
