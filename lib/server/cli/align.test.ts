import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAlign, type AlignOutput } from "./align";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

// Hand-written: one fact told by both files, plus one sentence each that only it reports.
// The first file opens with a line of two emoji (two UTF-16 units and one code point each)
// before the fact.
const FACT = "Rescue teams reached Port Erren on 12 March after the Kessel dam broke.";
const FIRST = `🎉🎉 Live.\n${FACT}\nThe mayor resigned on Friday.\n`;
const SECOND = "The Kessel dam gave way and rescuers arrived in Port Erren on March 12.\nFish prices rose sharply.\n";

let dir: string;
const file = (name: string) => path.join(dir, name);

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAlign(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "parallax-align-"));
  await writeFile(file("first.txt"), FIRST);
  await writeFile(file("second.txt"), SECOND);
  await writeFile(file("empty.txt"), "  \n");
  await writeFile(file("image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]));
  await writeFile(file("latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e]));
  await writeFile(file("locked.txt"), "No one may read this.");
  await chmod(file("locked.txt"), 0o000);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("align command", () => {
  it("prints one row per shared fact with code-point offsets, null for the silent source", async () => {
    const { code, out } = await run([file("first.txt"), file("second.txt"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as AlignOutput;
    expect(json.sources).toEqual([file("first.txt"), file("second.txt")]);
    expect(json.rows).toHaveLength(1);
    const [a, b] = json.rows[0]!.passages;
    // "🎉🎉 Live.\n" is 11 UTF-16 units but 9 code points: the fact starts at code point 9.
    expect(FIRST.indexOf(FACT)).toBe(11);
    expect(a).toEqual({ source: 0, start: 9, end: 9 + FACT.length, text: FACT });
    expect([...FIRST].slice(a!.start, a!.end).join("")).toBe(a!.text);
    expect(b).toMatchObject({ source: 1, start: 0, text: SECOND.split("\n")[0] });
    expect(json.rows[0]!.score).toBeGreaterThan(0);
    expect(Object.keys(json.rows[0]!).sort()).toEqual(["passages", "score"]);
  });

  it("puts null where a source does not report the fact", async () => {
    const third = file("third.txt");
    await writeFile(third, "Fish prices rose sharply at the market.\n");
    const json = JSON.parse((await run([file("first.txt"), file("second.txt"), third, "--json"])).out) as AlignOutput;
    const dam = json.rows.find((r) => r.passages[0] !== null);
    expect(dam?.passages[2]).toBeNull();
    const fish = json.rows.find((r) => r.passages[0] === null);
    expect(fish?.passages.map((p) => p?.text ?? null)).toEqual([null, "Fish prices rose sharply.", "Fish prices rose sharply at the market."]);
  });

  it("proposes nothing below --min-score", async () => {
    const json = JSON.parse((await run([file("first.txt"), file("second.txt"), "--json", "--min-score", "0.99"])).out) as AlignOutput;
    expect(json.rows).toEqual([]);
  });

  it("prints a readable table without --json", async () => {
    const { code, out } = await run([file("first.txt"), file("second.txt")]);
    expect(code).toBe(0);
    expect(out).toContain("1 aligned facts across 2 files");
    expect(out).toContain("Rescue teams reached Port Erren");
    expect(out).toMatch(/Only in one file .*first\.txt 2, .*second\.txt 1\./);
  });

  it.each([
    ["a missing file", ["missing.txt"], /missing\.txt: no such file/],
    ["a folder", ["."], /is a folder/],
    ["an empty file", ["empty.txt"], /empty\.txt: is empty/],
    ["a binary file", ["image.png"], /image\.png: looks binary/],
    ["a file that is not UTF-8", ["latin1.txt"], /latin1\.txt: is not valid UTF-8/],
  ])("exits 2 with a clear message for %s", async (_name, names, message) => {
    const { code, err } = await run([file("first.txt"), ...names.map((n) => (n === "." ? dir : file(n)))]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it.skipIf(process.getuid?.() === 0)("exits 2 for a file it may not read", async () => {
    const { code, err } = await run([file("first.txt"), file("locked.txt")]);
    expect(code).toBe(2);
    expect(err).toMatch(/permission denied/);
  });

  it.each([
    ["one file", ["first.txt"], /at least two files/],
    ["a score out of range", ["first.txt", "second.txt", "--min-score", "2"], /--min-score must be a number from 0 to 1/],
    ["an unknown option", ["first.txt", "second.txt", "--fast"], /Unknown option/],
  ])("exits 2 with usage for %s", async (_name, args, message) => {
    const { code, err } = await run(args.map((a) => (a.endsWith(".txt") ? file(a) : a)));
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("runs through npm run cli without opening a database", async () => {
    // An unreachable database URL: any attempt to connect or lock would fail the command.
    const { stdout } = await promisify(execFile)("npm", ["run", "-s", "cli", "--", "align", file("first.txt"), file("second.txt"), "--json"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
    });
    expect((JSON.parse(stdout) as AlignOutput).rows[0]?.passages[0]?.start).toBe(9);
  }, 60_000);
});
