/**
 * bench/RESULTS.md holds the benchmark table (written whole by `npm run bench`) and, below
 * it, sections written by the load and fault tests (`npm run load`) or by hand. Each section
 * sits between markers, so each runner replaces only its own part and keeps the others.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const resultsPath = path.resolve(import.meta.dirname, "RESULTS.md");

const SECTION = /<!-- ([\w-]+):start -->\n[\s\S]*?<!-- \1:end -->\n/g;

function wrap(name: string, body: string): string {
  return `<!-- ${name}:start -->\n${body.trimEnd()}\n<!-- ${name}:end -->\n`;
}

async function current(): Promise<string> {
  return readFile(resultsPath, "utf8").catch(() => "");
}

/** Writes the benchmark part of the file, keeping the sections other runners wrote. */
export async function writeBenchmarkResults(markdown: string): Promise<void> {
  const sections = (await current()).match(SECTION) ?? [];
  await writeFile(resultsPath, [markdown.trimEnd() + "\n", ...sections].join("\n"));
}

/** Replaces (or appends) one runner's section. */
export async function writeSection(name: string, markdown: string): Promise<void> {
  const text = await current();
  const block = wrap(name, markdown);
  const existing = (text.match(SECTION) ?? []).find((s) => s.startsWith(`<!-- ${name}:start -->`));
  await writeFile(resultsPath, existing ? text.replace(existing, () => block) : `${text.trimEnd()}\n\n${block}`);
}
