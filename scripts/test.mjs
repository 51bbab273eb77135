// `npm test`: unit and integration tests (vitest), then browser journeys (Playwright).
// With TEST_DATABASE_URL the database-backed suites run on that Postgres server instead
// of the embedded database. Without Chromium the browser journeys are skipped, loudly;
// with CI=true a missing browser fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { formatFailures, playwrightFailures, vitestFailures } from "./failure-digest.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = [];
// JSON reports of both runners, for the digest of failures printed last.
const reports = mkdtempSync(path.join(os.tmpdir(), "parallax-test-reports-"));
const vitestReport = path.join(reports, "vitest.json");
const journeyReport = path.join(reports, "journeys.json");

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  results.push({ label, ok: result.status === 0 });
  return result.status === 0;
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${"!".repeat(width)}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join("\n")}\n${"!".repeat(width)}\n`);
}

/** A port nothing listens on, so two test runs on one machine do not talk to each other's app. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function withE2eDatabase(fn) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "parallax-e2e-"));
    try {
      return fn({ E2E_DATA_DIR: dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const name = `parallax_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "parallax-e2e-"));
  try {
    return fn({ E2E_DATABASE_URL: url.toString(), E2E_DATA_DIR: dataDir });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const database = process.env.TEST_DATABASE_URL ? "Postgres (TEST_DATABASE_URL)" : "embedded PGlite";
console.log(`Running every test suite on the ${database}.`);

run("unit and integration tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);

const chromium = process.env.PLAYWRIGHT_CHROMIUM || "/usr/bin/chromium";
if (existsSync(chromium)) {
  const port = process.env.E2E_PORT ?? String(await freePort());
  await withE2eDatabase((env) => run("browser journeys (Playwright, Chromium)", bin("playwright"), ["test"], { ...env, E2E_PORT: port, PARALLAX_JOURNEY_REPORT: journeyReport }));
} else if (process.env.CI === "true") {
  banner([`Chromium not found at ${chromium}: browser journeys cannot run.`, "In CI a missing browser is a failure. Install it: apt-get install -y chromium"]);
  results.push({ label: "browser journeys (Playwright, Chromium)", ok: false });
} else {
  banner([
    `SKIPPED the browser journeys: no Chromium at ${chromium}.`,
    "Install it (apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM to run them.",
  ]);
}

/** What failed, read back from a runner's JSON report (none when the runner wrote none). */
function failuresIn(file, read) {
  if (!existsSync(file)) return [];
  try {
    return read(JSON.parse(readFileSync(file, "utf8")), root, 4);
  } catch {
    return [{ name: `${path.basename(file)} could not be read`, lines: [] }];
  }
}

const failures = [...failuresIn(vitestReport, vitestFailures), ...failuresIn(journeyReport, playwrightFailures)];
rmSync(reports, { recursive: true, force: true });
console.log("\n=== summary ===");
for (const { label, ok } of results) console.log(`${ok ? "PASS" : "FAIL"}  ${label}`);
if (failures.length > 0) {
  const shown = failures.slice(0, 4);
  console.log(`\nwhat failed${failures.length > shown.length ? ` (the first ${shown.length} of ${failures.length}; all above)` : ""}:`);
  console.log(formatFailures(shown));
}
const failed = results.filter((r) => !r.ok).length;
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
