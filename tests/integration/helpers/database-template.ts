/**
 * vitest's global set-up for the integration tests: the databases every test file starts
 * from, made once per run instead of once per file. On the embedded database, two PGlite
 * data folders packed as tarballs (a new cluster, and one with every migration applied):
 * unpacking one skips initdb, which is most of what a new PGlite costs, and the migrations.
 * On TEST_DATABASE_URL, a migrated template database that each file's database is copied
 * from (CREATE DATABASE … TEMPLATE).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "@/lib/server/db/schema-engine";
import { openAdapter, openMemoryAdapter } from "@/lib/server/db/target";
import { migrationsDir, onServer, type DatabaseTemplate } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

// Both integration projects (vitest.config.ts) name this set-up, and vitest runs it for each in
// its one main process: the first makes the template, and the last to finish removes it.
const shared = globalThis as unknown as { parallaxTestTemplate?: { made: Promise<{ template: DatabaseTemplate; remove: () => Promise<void> }>; users: number } };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  shared.parallaxTestTemplate ??= { made: serverUrl ? postgresTemplate(serverUrl) : pgliteTemplate(), users: 0 };
  const current = shared.parallaxTestTemplate;
  current.users += 1;
  const made = await current.made;
  project.provide("databaseTemplate", made.template);
  return async () => {
    current.users -= 1;
    if (current.users > 0) return;
    shared.parallaxTestTemplate = undefined;
    await made.remove();
  };
}

async function pgliteTemplate() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-test-template-"));
  const template = { kind: "pglite" as const, empty: path.join(dir, "empty.tar"), migrated: path.join(dir, "migrated.tar") };
  const remove = () => rm(dir, { recursive: true, force: true });
  const { pglite, factory, close } = openMemoryAdapter();
  try {
    await pglite.waitReady;
    await writeFile(template.empty, await pglite.dumpDataDir("none").then(bytes));
    await deployMigrations(factory, { migrationsDir });
    await writeFile(template.migrated, await pglite.dumpDataDir("none").then(bytes));
  } catch (error) {
    await remove();
    throw error;
  } finally {
    await close();
  }
  return { template, remove };
}

async function bytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function postgresTemplate(serverUrl: string) {
  const name = `parallax_test_template_${randomBytes(6).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const { factory, close } = openAdapter({ kind: "postgres", url: url.href });
  await deployMigrations(factory, { migrationsDir });
  await close();
  // A template must have no connections while it is copied: none may be left, and none may come.
  await onServer(serverUrl, `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
  await onServer(serverUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  return {
    template: { kind: "postgres" as const, database: name },
    remove: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
