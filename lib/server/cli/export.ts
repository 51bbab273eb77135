import "server-only";
import { Option } from "commander";
import { defineCommand, formatOption, parseCommand, processIo, type CliIo } from "./command";
import { withDatabase } from "./database";
import { exportToFile } from "./export-to-file";
import { createProgress } from "./progress";

export const EXPORT_USAGE = `  npm run cli -- export <comparison> --workspace <slug> --format csv|jsonld|md|pdf --out <file> [--as <email>]
      Writes the comparison's annotations (csv, jsonld) or its report (md, pdf) to <file>.`;

/** `export`: writes a comparison's annotations or report to a file, with progress on stderr. */
export async function runExport(args: string[], io: CliIo = processIo): Promise<number> {
  if (formatOption(args)) {
    const corpus = await import("./corpus");
    if (corpus.corpusFormatIn(args)) return withDatabase(io, () => corpus.runCorpusExport(args, io));
  }
  const command = defineCommand("export", "Writes the comparison's annotations (csv, jsonld) or its report (md, pdf) to a file; the file appears only once complete.", io)
    .argument("<comparison>", "the comparison's slug")
    .requiredOption("--workspace <slug>", "the workspace holding the comparison")
    .addOption(new Option("--format <format>", "what to write (brat, webanno, labelstudio, doccano and ptc: see docs/export.md)").choices(["csv", "jsonld", "md", "pdf", "brat", "webanno", "labelstudio", "doccano", "ptc"]).makeOptionMandatory())
    .requiredOption("--out <file>", "the file to write (replaced only once the export is complete)")
    .option("--as <email>", "act as this member (default: the workspace's first owner)");
  const parsed = parseCommand<{ workspace: string; format: string; out: string; as?: string }>(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { options, operands } = parsed;
  return withDatabase(io, async () => {
    const progress = createProgress("Exporting", "bytes");
    const written = await exportToFile({ ...options, comparison: operands[0]!, onProgress: (bytes) => progress.update(bytes) });
    progress.finish();
    io.out(`Wrote ${written.path} (${written.format}, ${written.bytes.toLocaleString("en")} bytes).`);
    if ("relationsLeftOut" in written && written.relationsLeftOut) io.out(`Left out ${written.relationsLeftOut} relations between annotations of two different sources: ${written.format} links annotations within one document only.`);
    return 0;
  });
}
