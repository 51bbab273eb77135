import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

const embedded = !process.env.E2E_DATABASE_URL;

test("the health endpoint reports the database and migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: embedded ? "embedded" : "postgres",
    migrations: "up to date",
  });
});

test("a second `npm start` on the same data folder refuses to run", async () => {
  test.skip(!embedded, "only the embedded database has a data folder to guard");
  const second = spawnSync("npm", ["start"], {
    env: { ...process.env, PORT: "3199", PARALLAX_DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(second.status).not.toBe(0);
  expect(second.stderr).toMatch(/Another Parallax process \(pid \d+/);
  expect(second.stderr).toContain(process.env.E2E_DATA_DIR!);
});
