// `npm run cli -- <command>`: scripted use of Parallax on the same database settings as the app.
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ALIGN_USAGE, runAlign } from "@/lib/server/cli/align";
import { DOCUMENTS_USAGE, runImportDocuments } from "@/lib/server/cli/documents";
import { isDocumentFormat } from "@/lib/server/export/import-document-files";
import { exportToFile } from "@/lib/server/cli/export-to-file";
import { importAnnotationsFile } from "@/lib/server/cli/import-annotations-file";
import { importFolder } from "@/lib/server/cli/import-folder";
import { runSuggest, SUGGEST_USAGE } from "@/lib/server/cli/suggest";
import { acquireDataLock } from "@/lib/server/db/data-lock";
import { createDbClient, installDbClient } from "@/lib/server/db/client";
import { describeTarget, openAdapter, resolveDatabaseTarget } from "@/lib/server/db/target";

const USAGE = `Usage:
  npm run cli -- import <folder> --workspace <slug> [--comparison <slug>] [--as <email>] [--allow-duplicates]
      Imports every .txt, .md and .html file of <folder> (titles, outlets and dates from its
      manifest.json when present) into the comparison, or into a new one; all of them or,
      if any file fails, none.
  npm run cli -- import <file.jsonld> --workspace <slug> --comparison <slug> [--as <email>]
      Imports W3C Web Annotations (from Parallax or another tool) into the comparison,
      anchoring each on its sources; saves all of them or, on a malformed file, none.
  npm run cli -- export <comparison> --workspace <slug> --format csv|jsonld|md|pdf --out <file> [--as <email>]
      Writes the comparison's annotations (csv, jsonld) or its report (md, pdf) to <file>.
${DOCUMENTS_USAGE}
${ALIGN_USAGE}
${SUGGEST_USAGE}`;

const ANNOTATION_FILE = /\.(jsonld|json)$/i;

async function runImport(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, strict: false, options: { workspace: { type: "string" }, comparison: { type: "string" }, as: { type: "string" }, format: { type: "string" } } });
  if (typeof values.format === "string" && isDocumentFormat(values.format)) return runImportDocuments(args);
  const target = positionals[0];
  const isFolder = target ? await stat(target).then((s) => s.isDirectory(), () => false) : false;
  if (target && !isFolder && ANNOTATION_FILE.test(target)) return runImportAnnotations(args);
  return runImportFolder(args);
}

async function runImportAnnotations(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { workspace: { type: "string" }, comparison: { type: "string" }, as: { type: "string" } },
  });
  const file = positionals[0];
  if (!file || !values.workspace || !values.comparison) {
    console.error(`Importing annotations needs the file, --workspace and --comparison.\n\n${USAGE}`);
    return 2;
  }
  const report = await importAnnotationsFile({ file, workspace: values.workspace, comparison: values.comparison, as: values.as });
  for (const { where, reason } of report.skipped) console.log(`skipped   ${where}: ${reason}`);
  for (const { name, tagSet } of report.newTags) console.log(`new tag   “${name}” in “${tagSet}”`);
  for (const { where, creator } of report.reassigned) console.log(`author    ${where}: “${creator}” is not a member who may annotate; the annotation is yours`);
  const saved = report.exact + report.fuzzy + report.orphaned;
  console.log(
    `\n${saved} annotations imported into /w/${report.workspace}/c/${report.comparison}: ` +
      `${report.exact} anchored exactly, ${report.fuzzy} fuzzily, ${report.orphaned} orphaned (kept to re-attach); ${report.skipped.length} skipped`,
  );
  return 0;
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { workspace: { type: "string" }, format: { type: "string" }, out: { type: "string" }, as: { type: "string" } },
  });
  const comparison = positionals[0];
  if (!comparison || !values.workspace || !values.format || !values.out) {
    console.error(`Exporting needs the comparison, --workspace, --format and --out.\n\n${USAGE}`);
    return 2;
  }
  const written = await exportToFile({ comparison, workspace: values.workspace, format: values.format, out: values.out, as: values.as });
  console.log(`Wrote ${written.path} (${written.format}, ${written.bytes.toLocaleString("en")} bytes).`);
  return 0;
}

async function runImportFolder(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      workspace: { type: "string" },
      comparison: { type: "string" },
      as: { type: "string" },
      "allow-duplicates": { type: "boolean", default: false },
    },
  });
  const folder = positionals[0];
  if (!folder || !values.workspace) {
    console.error(USAGE);
    return 2;
  }
  const result = await importFolder({
    folder,
    workspace: values.workspace,
    comparison: values.comparison,
    as: values.as,
    allowDuplicates: values["allow-duplicates"],
  });
  for (const line of result.lines) console.log(`${line.outcome.padEnd(9)} ${line.file}: ${line.detail}`);
  const count = (outcome: string) => result.lines.filter((l) => l.outcome === outcome).length;
  if (!result.saved) {
    console.log(`\n${count("failed")} failed: nothing was imported (an import is all or nothing). Fix or remove those files and run it again.`);
    return 1;
  }
  console.log(`\n${count("imported")} imported, ${count("skipped")} skipped, 0 failed, into /w/${result.workspace}/c/${result.comparison}`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  // These need no database: they run before any connection is opened (or the data folder locked).
  if (command === "align") return runAlign(rest);
  if (command === "suggest") return runSuggest(rest, USAGE);
  const run = command === "import" ? runImport : command === "export" ? runExport : undefined;
  if (!run) {
    console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  const target = resolveDatabaseTarget();
  if (target.kind === "embedded") acquireDataLock(target.dataDir);
  const adapter = openAdapter(target);
  const client = createDbClient(adapter.factory);
  installDbClient(client, target);
  console.error(`Using the ${describeTarget(target)}.`);
  try {
    return await run(rest);
  } finally {
    await client.$disconnect();
    await adapter.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nThe command failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
