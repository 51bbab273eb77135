import { readFile } from "node:fs/promises";
import { alignAll, DEFAULT_MIN_SCORE, type AlignResult } from "@/lib/domain/alignment";
import { codePointOffsets } from "@/lib/domain/alignment/code-points";
import { defineCommand, parseCommand, processIo, type CliIo } from "./command";

/**
 * `npm run cli -- align <file> <file> [<file>…] [--json] [--min-score S]`: Align all on
 * text files, without a database. Offsets printed are Unicode code points of each file's
 * text as read (UTF-8, not normalised), so that tools outside JavaScript can slice with them.
 */
export const ALIGN_USAGE = `  npm run cli -- align <file> <file> [<file>…] [--json] [--min-score S]
      Aligns the sentences of two or more UTF-8 text files (no database): one row per fact
      reported by at least two of them. --json prints offsets in Unicode code points.`;

export interface AlignOutput {
  sources: string[];
  rows: { passages: ({ source: number; start: number; end: number; text: string } | null)[]; score: number }[];
}

/** Runs the command; returns the exit code (2 for bad arguments or unreadable input). */
export async function runAlign(args: string[], io: CliIo = processIo): Promise<number> {
  const command = defineCommand("align", "Aligns the sentences of two or more UTF-8 text files, without a database: one row per fact reported by at least two of them.", io)
    .argument("[files...]", "two or more UTF-8 text files")
    .option("--json", "print the rows as JSON, offsets in Unicode code points")
    .option("--min-score <S>", `the similarity (0 to 1) below which nothing is linked (default ${DEFAULT_MIN_SCORE})`);
  const parsed = parseCommand<{ json?: boolean; minScore?: string }>(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { options: values, operands: files } = parsed;
  if (files.length < 2) {
    io.err(`Align needs at least two files.\n\nUsage:\n${ALIGN_USAGE}`);
    return 2;
  }
  let minScore = DEFAULT_MIN_SCORE;
  if (values.minScore !== undefined) {
    minScore = Number(values.minScore);
    if (values.minScore.trim() === "" || !Number.isFinite(minScore) || minScore < 0 || minScore > 1) {
      io.err(`--min-score must be a number from 0 to 1, not "${values.minScore}".`);
      return 2;
    }
  }

  const texts: string[] = [];
  for (const file of files) {
    const read = await readText(file);
    if ("error" in read) {
      io.err(`${file}: ${read.error}`);
      return 2;
    }
    texts.push(read.text);
  }

  const result = alignAll(
    texts.map((text, i) => ({ id: files[i] as string, text })),
    { minScore },
  );
  if (values.json) io.out(JSON.stringify(toOutput(files, texts, result)));
  else for (const line of table(files, texts, result)) io.out(line);
  return 0;
}

async function readText(file: string): Promise<{ text: string } | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: "no such file." };
    if (code === "EISDIR") return { error: "is a folder, not a text file." };
    if (code === "EACCES" || code === "EPERM") return { error: "cannot be read (permission denied)." };
    return { error: `cannot be read (${code ?? String(error)}).` };
  }
  if (bytes.includes(0)) return { error: "looks binary (it contains NUL bytes); give a UTF-8 text file." };
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark as a character, so offsets count it as the file has it.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: "is not valid UTF-8 text." };
  }
  if (text.trim() === "") return { error: "is empty." };
  return { text };
}

/** The JSON shape, offsets converted from UTF-16 to code points. */
export function toOutput(files: readonly string[], texts: readonly string[], result: AlignResult): AlignOutput {
  const conv = texts.map(codePointOffsets);
  return {
    sources: [...files],
    rows: result.rows.map((row) => ({
      passages: row.passages.map((p) =>
        p ? { source: p.source, start: (conv[p.source] as (i: number) => number)(p.start), end: (conv[p.source] as (i: number) => number)(p.end), text: p.text } : null,
      ),
      score: row.score,
    })),
  };
}

const WIDTH = 60;
const clip = (s: string) => {
  const one = s.replace(/\s+/g, " ");
  return one.length > WIDTH ? `${one.slice(0, WIDTH - 1)}…` : one;
};

function table(files: readonly string[], texts: readonly string[], result: AlignResult): string[] {
  const lines: string[] = [];
  const nameWidth = Math.min(32, Math.max(...files.map((f) => f.length)));
  const name = (f: string) => (f.length > nameWidth ? `…${f.slice(f.length - nameWidth + 1)}` : f.padEnd(nameWidth));
  const conv = texts.map(codePointOffsets);
  lines.push(`${result.rows.length} aligned facts across ${files.length} files (minimum score ${result.minScore}); offsets in code points.`);
  result.rows.forEach((row, r) => {
    lines.push("", `#${r + 1}  score ${row.score.toFixed(2)}`);
    row.passages.forEach((p, s) => {
      const where = p ? `${(conv[s] as (i: number) => number)(p.start)}-${(conv[s] as (i: number) => number)(p.end)}` : "";
      lines.push(`  ${name(files[s] as string)}  ${where.padEnd(11)} ${p ? clip(p.text) : "—"}`);
    });
  });
  const only = files.map((f, s) => ({ f, n: result.exclusives.filter((e) => e.source === s).length }));
  lines.push("", `Only in one file (no counterpart at ${result.minScore} or above): ${only.map(({ f, n }) => `${f} ${n}`).join(", ")}.`);
  return lines;
}
