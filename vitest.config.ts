import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Server modules import "server-only" to keep them out of client bundles; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
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
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file gets its own database, copied from the migrated one the global set-up
          // makes once per run; the machines have two cores.
          globalSetup: ["tests/integration/helpers/database-template.ts"],
          maxWorkers: 2,
          // Runs after the unit project; vitest needs distinct groups for distinct worker limits.
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
