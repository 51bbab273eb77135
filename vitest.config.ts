import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Server modules import "server-only" to keep them out of client bundles; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

// Integration files that replace modules (vi.mock, vi.doMock, or the authorization matrix's
// ./mocks): they run in a process each, since a module mocked for one file would still be
// the mock in the next file of a shared process. Vitest runs projects one after the other by
// name, so "integration-mocks" (with the matrix, the longest files) runs before
// "integration-shared", and the run does not end on the matrix alone.
const MOCKS_MODULES = /\bvi\.(?:do)?[mM]ock\(|^import "\.\/mocks";$/m;
const integrationDir = path.resolve(import.meta.dirname, "tests/integration");
const mockingFiles = readdirSync(integrationDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".test.ts") && MOCKS_MODULES.test(readFileSync(path.join(integrationDir, file), "utf8")))
  .map((file) => `tests/integration/${file.split(path.sep).join("/")}`);

const integration = {
  environment: "node" as const,
  // Each file gets its own database, copied from the migrated one the global set-up makes
  // once per run (shared by both integration projects); the machines have two cores.
  globalSetup: ["tests/integration/helpers/database-template.ts"],
  maxWorkers: 2,
  // Runs after the unit project; vitest needs distinct groups for distinct worker limits.
  sequence: { groupOrder: 1 },
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
          environment: "node",
          // Vitest's 5 s failed CPU-bound tests (re-anchoring on the corpus: 3.5-5.2 s) at a load
          // average of 11-15 on the machines' two shared cores, three in one run and one in the
          // next. A limit catches a hung test; no unit test claims a duration (bench/RESULTS.md,
          // test speed, third pass: CPU by part).
          testTimeout: 30_000,
          // Vitest's default in a run is one worker fewer than the cores: one on the machines'
          // two, which left a core idle through the unit files (bench/RESULTS.md, test-speed).
          maxWorkers: 2,
          // One process per worker for all its files instead of a new one per file, so modules
          // are loaded once per worker, not once per file. Safe for these files: the modules
          // they share keep only caches of pure results, and the files restore what they stub
          // (env, Date, dns, timers); they also pass in shuffled order (--sequence.shuffle.files).
          // At a load average of 13-15: 92 s wall and 29 s of CPU against 117 s and 54 s
          // (bench/RESULTS.md, test-speed2).
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration-shared",
          include: ["tests/integration/**/*.test.ts"],
          exclude: mockingFiles,
          // One process per worker for all its files, not a new one per file (which started a
          // process and imported the app's modules again for each of about 45 files). Safe for
          // these files: setupTestDb gives each its own database and points the db client, the
          // realtime bus and the server env at it afresh; the files restore what they stub; and
          // the project passes with its files shuffled (bench/RESULTS.md, test-speed3).
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: { ...integration, name: "integration-mocks", include: mockingFiles },
      },
    ],
  },
});
