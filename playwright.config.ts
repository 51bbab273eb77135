import { defineConfig } from "@playwright/test";

// scripts/test.mjs prepares a fresh data folder (or Postgres database) and the port.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
    // scripts/test.mjs reads this report to repeat what failed at the end of its output.
    ...(process.env.PARALLAX_JOURNEY_REPORT ? [["json", { outputFile: process.env.PARALLAX_JOURNEY_REPORT }] as const] : []),
  ],
  use: {
    baseURL,
    // A failed test keeps its trace with the page's DOM at each step, without the screencast's
    // frames: encoding those through every test made the journeys 1.4-1.6 times as long on
    // two cores (bench/RESULTS.md, test-speed).
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    // npm start builds first when the code changed (always, on a fresh clone): 4 min 38 s at a
    // load average of 9-13 (bench/RESULTS.md, test-speed2), and past 240 s at load 15, which
    // failed the whole journey phase before its first test (bench/RESULTS.md, test speed, third pass: CPU by part).
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      PARALLAX_DATA_DIR: process.env.E2E_DATA_DIR ?? "",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  },
});
