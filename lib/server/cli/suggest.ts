import "server-only";
import { readFile } from "node:fs/promises";
import { analyse, ANALYSERS, type Proposal } from "@/lib/domain/analysis";
import { codePointIndex } from "@/lib/domain/text";
import { defineCommand, parseCommand, processIo, type CliIo } from "./command";

/**
 * `npm run cli -- suggest <file.txt>…`: the analysers' proposals for text files, with no
 * database. Offsets are Unicode code points of the file's text as read (UTF-8, nothing
 * normalised), so tools in any language can slice the file with them; `text` is the span.
 */
export interface SuggestedSpan {
  start: number;
  end: number;
  text: string;
  set: string;
  tag: string;
  confidence: number;
  analyser: string;
  reason: string;
  claim?: { asserter: string };
}

export interface FileSuggestions {
  file: string;
  spans: SuggestedSpan[];
}

export interface SuggestOptions {
  /** Analyser ids to run, or "all"; the default-on analysers when omitted. */
  analysers?: readonly string[] | "all";
}

/** The proposals for one text, with code-point offsets. */
export function suggestForText(text: string, { analysers }: SuggestOptions = {}): SuggestedSpan[] {
  const ids = analysers === "all" ? ANALYSERS.map((a) => a.id) : analysers;
  const index = codePointIndex(text);
  return analyse(text, { analysers: ids }).map((p: Proposal) => ({
    start: index.toCodePoint(p.start),
    end: index.toCodePoint(p.end),
    text: text.slice(p.start, p.end),
    set: p.set,
    tag: p.tag,
    confidence: Math.round(p.confidence * 100) / 100,
    analyser: p.analyser,
    reason: p.reason,
    ...(p.claim ? { claim: p.claim } : {}),
  }));
}

/** Reads each file (as UTF-8) and returns its proposals, in the order given. */
export async function suggestForFiles(files: readonly string[], options: SuggestOptions = {}): Promise<FileSuggestions[]> {
  const results: FileSuggestions[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === "ENOENT" ? `No such file: ${file}` : error.code === "EISDIR" ? `${file} is a folder, not a text file` : `Cannot read ${file}: ${error.message}`);
    });
    if (text.includes("\u0000")) throw new Error(`${file} is not a text file (it contains NUL bytes).`);
    results.push({ file, spans: suggestForText(text, options) });
  }
  return results;
}

/** One line per proposal for reading in a terminal: where, which tag, why. */
export function formatSuggestions({ file, spans }: FileSuggestions): string {
  const lines = spans.map((s) => `  ${`${s.start}-${s.end}`.padEnd(11)} ${s.set} / ${s.tag} (${s.analyser}, ${s.confidence.toFixed(2)}): ${s.reason}`);
  return [`${file}: ${spans.length} proposal${spans.length === 1 ? "" : "s"}`, ...lines].join("\n");
}

export const SUGGEST_USAGE = `  npm run cli -- suggest <file.txt> [<file.txt>…] [--json] [--analysers <id,id…>|all]
      Proposes framing devices, persuasion techniques and claims for each text file, with no
      database; --json prints one JSON object per file per line (offsets in code points).`;

/** The `suggest` command: parses its arguments, prints the proposals, returns the exit code. */
export async function runSuggest(args: string[], io: CliIo = processIo): Promise<number> {
  const command = defineCommand("suggest", "Proposes framing devices, persuasion techniques and claims for each text file, with no database.", io)
    .argument("[files...]", "UTF-8 text files")
    .option("--json", "print one JSON object per file per line (offsets in Unicode code points)")
    .option("--analysers <ids>", "analysers to run, comma-separated ids, or all (default: those on by default)");
  const parsed = parseCommand<{ json?: boolean; analysers?: string }>(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { options: values, operands: files } = parsed;
  if (files.length === 0) {
    io.err(`Suggesting needs at least one text file.\n\nUsage:\n${SUGGEST_USAGE}`);
    return 2;
  }
  const analysers = values.analysers === "all" ? "all" : values.analysers?.split(",").map((id) => id.trim()).filter(Boolean);
  const results = await suggestForFiles(files, { analysers });
  for (const result of results) io.out(values.json ? JSON.stringify(result) : formatSuggestions(result));
  return 0;
}
