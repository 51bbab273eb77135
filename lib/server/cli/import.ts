import "server-only";
import { stat } from "node:fs/promises";
import { defineCommand, formatOption, parseCommand, processIo, type CliIo } from "./command";
import { withDatabase } from "./database";
import { createProgress } from "./progress";

export const IMPORT_USAGE = `  npm run cli -- import <folder> --workspace <slug> [--comparison <slug>] [--as <email>] [--allow-duplicates]
      Imports every .txt, .md and .html file of <folder> (titles, outlets and dates from its
      manifest.json when present) into the comparison, or into a new one; all of them or,
      if any file fails, none.
  npm run cli -- import <file.jsonld> --workspace <slug> --comparison <slug> [--as <email>]
      Imports W3C Web Annotations (from Parallax or another tool) into the comparison,
      anchoring each on its sources; saves all of them or, on a malformed file, none.`;

const ANNOTATION_FILE = /\.(jsonld|json)$/i;

interface ImportOptions {
  workspace: string;
  comparison?: string;
  as?: string;
  allowDuplicates?: boolean;
}

/** `import`: a folder of texts as sources, or a .jsonld/.json file of W3C Web Annotations. */
export async function runImport(args: string[], io: CliIo = processIo): Promise<number> {
  const format = formatOption(args);
  if (format === "brat" || format === "webanno") {
    const documents = await import("./documents");
    return withDatabase(io, () => documents.runImportDocuments(args));
  }
  if (format) {
    const corpus = await import("./corpus");
    if (corpus.corpusFormatIn(args)) return withDatabase(io, () => corpus.runCorpusImport(args, io));
  }
  const command = defineCommand("import", "Imports a folder of texts as sources, or a .jsonld (or .json) file of W3C Web Annotations into a comparison; all or nothing.", io)
    .argument("<folder-or-file>", "a folder of .txt, .md and .html files, or a .jsonld/.json file of annotations")
    .requiredOption("--workspace <slug>", "the workspace to import into")
    .option("--comparison <slug>", "the comparison to import into (required for annotations; for a folder, default: a new one)")
    .option("--as <email>", "act as this member (default: the workspace's first owner)")
    .option("--allow-duplicates", "a folder only: import texts even when the comparison already has the same text")
    .option("--format <format>", "brat or webanno (a folder or zip), ptc (a folder), labelstudio or doccano (a file): see docs/export.md")
    .addHelpText("after", `\nDetails:\n${IMPORT_USAGE}`);
  const parsed = parseCommand<ImportOptions>(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { options } = parsed;
  const target = parsed.operands[0]!;
  const isFolder = await stat(target).then((s) => s.isDirectory(), () => false);
  if (!isFolder && ANNOTATION_FILE.test(target)) {
    if (!options.comparison) {
      io.err(`Importing annotations needs --comparison <slug>: the comparison whose sources they annotate.\n\nUsage:\n${IMPORT_USAGE}`);
      return 2;
    }
    if (options.allowDuplicates) {
      io.err("--allow-duplicates applies to a folder of texts, not to a file of annotations (an annotation already in the comparison is always skipped).");
      return 2;
    }
    return withDatabase(io, () => runImportAnnotations(target, { ...options, comparison: options.comparison! }, io));
  }
  return withDatabase(io, () => runImportFolder(target, options, io));
}

async function runImportAnnotations(file: string, options: ImportOptions & { comparison: string }, io: CliIo): Promise<number> {
  // Each kind of import loads only its own code: reading HTML and PDFs (jsdom) takes seconds an annotation file does not need.
  const { importAnnotationsFile } = await import("./import-annotations-file");
  const progress = createProgress("Importing", "annotations read");
  const report = await importAnnotationsFile({
    file,
    workspace: options.workspace,
    comparison: options.comparison,
    as: options.as,
    onProgress: ({ annotations, bytes, size }) => progress.update(annotations, size ? bytes / size : 1),
  });
  progress.finish();
  for (const { where, reason } of report.skipped) io.out(`skipped   ${where}: ${reason}`);
  for (const { name, tagSet } of report.newTags) io.out(`new tag   “${name}” in “${tagSet}”`);
  for (const { where, creator } of report.reassigned) io.out(`author    ${where}: “${creator}” is not a member who may annotate; the annotation is yours`);
  const saved = report.exact + report.fuzzy + report.orphaned;
  io.out(
    `\n${saved} annotations imported into /w/${report.workspace}/c/${report.comparison}: ` +
      `${report.exact} anchored exactly, ${report.fuzzy} fuzzily, ${report.orphaned} orphaned (kept to re-attach); ${report.skipped.length} skipped`,
  );
  return 0;
}

async function runImportFolder(folder: string, options: ImportOptions, io: CliIo): Promise<number> {
  const { importFolder } = await import("./import-folder");
  const result = await importFolder({
    folder,
    workspace: options.workspace,
    comparison: options.comparison,
    as: options.as,
    allowDuplicates: options.allowDuplicates ?? false,
  });
  for (const line of result.lines) io.out(`${line.outcome.padEnd(9)} ${line.file}: ${line.detail}`);
  const count = (outcome: string) => result.lines.filter((l) => l.outcome === outcome).length;
  if (!result.saved) {
    io.out(`\n${count("failed")} failed: nothing was imported (an import is all or nothing). Fix or remove those files and run it again.`);
    return 1;
  }
  io.out(`\n${count("imported")} imported, ${count("skipped")} skipped, 0 failed, into /w/${result.workspace}/c/${result.comparison}`);
  return 0;
}
