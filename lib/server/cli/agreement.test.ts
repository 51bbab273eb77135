import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KRIPPENDORFF_2004 } from "@/lib/domain/agreement/unitizing-test-fixtures";
import { runAgreement, type AgreementOutput } from "./agreement";

const repoRoot = path.resolve(import.meta.dirname, "../../..");


let dir: string;
const file = (name: string) => path.join(dir, name);

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAgreement(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "parallax-agreement-"));
  await writeFile(file("k2004.json"), JSON.stringify(KRIPPENDORFF_2004));
  const names = ["ana", "ben"];
  await writeFile(file("named.json"), JSON.stringify({ ...KRIPPENDORFF_2004, units: KRIPPENDORFF_2004.units.map((u) => ({ ...u, rater: names[u.rater] })) }));
  await writeFile(file("empty.json"), JSON.stringify({ continuum: { begin: 0, length: 10 }, raters: 2, units: [] }));
  await writeFile(file("broken.json"), '{"continuum": ');
  await writeFile(file("outside.json"), JSON.stringify({ ...KRIPPENDORFF_2004, units: [{ rater: 0, begin: 440, length: 20, category: "c" }] }));
  await writeFile(file("no-raters.json"), JSON.stringify({ continuum: { begin: 0, length: 10 }, units: [] }));
  await writeFile(file("mixed.json"), JSON.stringify({ ...KRIPPENDORFF_2004, units: [{ ...KRIPPENDORFF_2004.units[0], rater: "ana" }, KRIPPENDORFF_2004.units[1]] }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("agreement command", () => {
  it("prints αU and D_o, D_e, α per category as JSON (Krippendorff 2004: 0.8591)", async () => {
    const { code, out } = await run([file("k2004.json"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as AgreementOutput;
    expect(Object.keys(json)).toEqual(["alphaU", "perCategory"]);
    expect(Math.abs(json.alphaU! - 0.8591)).toBeLessThanOrEqual(0.0005);
    expect(Object.keys(json.perCategory)).toEqual(["c", "k"]);
    expect(Object.keys(json.perCategory.c!)).toEqual(["Do", "De", "alpha"]);
    expect(Math.abs(json.perCategory.c!.alpha! - 0.7286)).toBeLessThanOrEqual(0.0001);
    expect(json.perCategory.k!.alpha).toBe(1);
  });

  it("takes rater names as well as indices", async () => {
    const named = JSON.parse((await run([file("named.json"), "--json"])).out) as AgreementOutput;
    const indexed = JSON.parse((await run([file("k2004.json"), "--json"])).out) as AgreementOutput;
    expect(named).toEqual(indexed);
  });

  it("prints a table without --json", async () => {
    const { code, out } = await run([file("k2004.json")]);
    expect(code).toBe(0);
    expect(out).toContain("αU 0.8587 over 2 raters, 9 units, continuum 150 … 450.");
    expect(out).toMatch(/^c\s+0\.01\d+\s+0\.05\d+\s+0\.72\d+$/m);
  });

  it("prints null for a study with nothing to measure", async () => {
    const { code, out } = await run([file("empty.json"), "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ alphaU: null, perCategory: {} });
  });

  it.each([
    ["a missing file", "missing.json", /missing\.json: no such file/],
    ["malformed JSON", "broken.json", /broken\.json: is not valid JSON/],
    ["a unit outside the continuum", "outside.json", /Unit 1 .* lies outside the continuum 150 … 450/],
    ["a missing rater count", "no-raters.json", /raters: raters must be a number/],
    ["indices and names mixed", "mixed.json", /every rater as an index or every rater as a name/],
  ])("refuses %s with exit code 2 and a message naming the file", async (_name, name, message) => {
    const { code, err } = await run([file(name), "--json"]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("refuses no file, two files or an unknown option, saying where its help is", async () => {
    for (const args of [[], ["a.json", "b.json"], ["--jsn", "x.json"]]) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err).toContain('Run "npm run cli -- agreement --help"');
    }
  });

  it("runs through npm run cli without opening a database", async () => {
    const { stdout } = await promisify(execFile)("npm", ["run", "-s", "cli", "--", "agreement", file("k2004.json"), "--json"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
    });
    expect((JSON.parse(stdout) as AgreementOutput).perCategory.k!.alpha).toBe(1);
  }, 60_000);
});
