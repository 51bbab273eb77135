import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runSuggest, suggestForFiles, suggestForText } from "./suggest";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

async function tempFile(name: string, text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "suggest-")), name);
  await writeFile(file, text, "utf8");
  return file;
}

describe("suggestForText", () => {
  it("counts offsets in code points: an emoji before a span moves it by one, not two", () => {
    const text = "🌊 The regime fell.";
    const [span] = suggestForText(text, { analysers: ["actor-labels"] });
    expect(span).toMatchObject({ start: 6, end: 12, text: "regime", set: "Framing devices", tag: "Labeling", analyser: "actor-labels" });
    expect(Array.from(text).slice(span!.start, span!.end).join("")).toBe("regime");
  });

  it("slices every span of a text full of astral characters back to its text by code points", () => {
    const text = "🇮🇷 Officials said the “experts” 😀 were detained. 🌊 The massive regime crackdown reportedly went on.";
    const spans = suggestForText(text, { analysers: "all" });
    expect(spans.length).toBeGreaterThan(4);
    const chars = Array.from(text);
    for (const span of spans) expect(chars.slice(span.start, span.end).join("")).toBe(span.text);
  });

  it("keeps a claim's asserter", () => {
    const [span] = suggestForText("The harbour master said the gates failed.", { analysers: ["attribution"] });
    expect(span?.claim).toEqual({ asserter: "The harbour master" });
  });
});

describe("suggestForFiles", () => {
  it("reads each file and names it in the result, in the order given", async () => {
    const a = await tempFile("a.txt", "The regime fell.");
    const b = await tempFile("b.txt", "The tide came in at noon.");
    const results = await suggestForFiles([a, b]);
    expect(results.map((r) => r.file)).toEqual([a, b]);
    expect(results[1]?.spans).toEqual([]);
  });

  it("refuses a binary file and an unknown analyser, and accepts an empty file", async () => {
    const binary = await tempFile("image.txt", "GIF89a\u0000\u0001");
    await expect(suggestForFiles([binary])).rejects.toThrow("is not a text file");
    const empty = await tempFile("empty.txt", "");
    await expect(suggestForFiles([empty], { analysers: ["mind-reader"] })).rejects.toThrow("Unknown analyser: mind-reader");
    expect(await suggestForFiles([empty])).toEqual([{ file: empty, spans: [] }]);
  });

  it("says which file is missing", async () => {
    await expect(suggestForFiles(["/no/such/file.txt"])).rejects.toThrow("No such file: /no/such/file.txt");
  });
});

describe("runSuggest", () => {
  it("prints one JSON object per file per line with --json", async () => {
    const a = await tempFile("a.txt", "🌊 The regime fell.");
    const b = await tempFile("b.txt", "Calm text.");
    const lines: string[] = [];
    expect(await runSuggest([a, b, "--json", "--analysers", "actor-labels"], { out: (line) => void lines.push(line), err: () => {} })).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { file: a, spans: [{ start: 6, end: 12, text: "regime", set: "Framing devices", tag: "Labeling", confidence: 0.75, analyser: "actor-labels", reason: expect.stringContaining("‘regime’ is on the loaded-terms list") }] },
      { file: b, spans: [] },
    ]);
  });

  it("asks for a file when given none", async () => {
    const errors: string[] = [];
    expect(await runSuggest(["--json"], { out: () => {}, err: (line) => void errors.push(line) })).toBe(2);
    expect(errors.join("\n")).toContain("at least one text file");
  });
});

describe("npm run cli -- suggest", () => {
  it("runs without opening a database", { timeout: 60_000 }, async () => {
    const file = await tempFile("article.txt", "🌊 The regime fell.");
    const dataDir = path.join(path.dirname(file), "data");
    const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", "suggest", file, "--json"], {
      cwd: repoRoot,
      env: { ...process.env, PARALLAX_DATA_DIR: dataDir, DATABASE_URL: "" },
    });
    expect(JSON.parse(stdout).spans.some((s: { text: string }) => s.text === "regime")).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  });
});
