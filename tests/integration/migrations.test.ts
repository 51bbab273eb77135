import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, pendingMigrations } from "@/lib/server/db/migration-status";
import { checkDrift, createMigration, deployMigrations } from "@/lib/server/db/schema-engine";
import { createTestDatabase, migrationsDir, type TestDatabase } from "./helpers/database";

const schemaPath = path.resolve(migrationsDir, "..", "schema.prisma");
// The schema engine's tests are CPU-bound (WASM, shadow databases) and take 5-7 times as long at
// a load average of 15 on two cores as on a quiet machine: a limit for the loaded machine, not
// a claim about speed (bench/RESULTS.md, test speed, third pass: CPU by part).
const ENGINE_TIMEOUT = 240_000;
const PROBE_MODEL = "\nmodel MigrationProbe {\n  id    Int    @id\n  label String\n}\n";

async function query(factory: SqlMigrationAwareDriverAdapterFactory, sql: string) {
  const connection = await factory.connect();
  try {
    const { columnNames, rows } = await connection.queryRaw({ sql, args: [], argTypes: [] });
    return rows.map((row) => Object.fromEntries(columnNames.map((column, i) => [column, row[i]])));
  } finally {
    await connection.dispose();
  }
}

async function tableNames(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const rows = await query(factory, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
  return rows.map((row) => String(row.table_name));
}

/**
 * The schema with an enum, a model related to two existing models, and the relation fields
 * that puts on those models.
 */
function withProbeReviews(schema: string): string {
  const addField = (text: string, model: string, field: string) => {
    const start = new RegExp(`^model ${model} \\{\\n`, "m");
    if (!start.test(text)) throw new Error(`schema.prisma has no model ${model}`);
    return text.replace(start, (line) => `${line}  ${field}\n`);
  };
  const withFields = addField(
    addField(schema, "User", "probeReviews ProbeReview[]"),
    "Comparison",
    "probeReviews ProbeReview[]",
  );
  return `${withFields}
enum ProbeVerdict {
  AGREE
  DISAGREE
}

model ProbeReview {
  id           String       @id @default(cuid())
  comparisonId String
  reviewerId   String
  verdict      ProbeVerdict @default(AGREE)
  comparison   Comparison   @relation(fields: [comparisonId], references: [id], onDelete: Cascade)
  reviewer     User         @relation(fields: [reviewerId], references: [id])

  @@index([comparisonId])
}
`;
}

/** A scratch copy of prisma/: the schema with a model added, and the repository's migrations. */
async function changedProject(): Promise<{ dir: string; schemaPath: string; migrationsDir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-migrations-"));
  const copy = { dir, schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
  await writeFile(copy.schemaPath, (await readFile(schemaPath, "utf8")) + PROBE_MODEL);
  await cp(migrationsDir, copy.migrationsDir, { recursive: true });
  return copy;
}

describe("deploying migrations", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(() => db?.close());

  it("counts every migration as pending on an empty database", async () => {
    const all = await listMigrations(migrationsDir);
    expect(all.length).toBeGreaterThan(0);
    expect(await pendingMigrations((sql) => query(db.factory, sql), migrationsDir)).toEqual(all);
  });

  it("creates the tables and records the migrations, then has nothing left to apply", async () => {
    const all = await listMigrations(migrationsDir);
    expect(await deployMigrations(db.factory, { migrationsDir })).toEqual({ applied: all });

    expect(await tableNames(db.factory)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "User", "Workspace", "Comparison", "Annotation"]),
    );
    const recorded = await query(
      db.factory,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(all);
    expect(await pendingMigrations((sql) => query(db.factory, sql), migrationsDir)).toEqual([]);

    expect(await deployMigrations(db.factory, { migrationsDir })).toEqual({ applied: [] });
  });
});

describe("schema changes", () => {
  let db: TestDatabase;
  let project: Awaited<ReturnType<typeof changedProject>>;
  beforeAll(async () => {
    [db, project] = await Promise.all([createTestDatabase(), changedProject()]);
  });
  afterAll(async () => {
    await db?.close();
    if (project) await rm(project.dir, { recursive: true, force: true });
  });

  // The first check here also loads the WASM engine and runs initdb for the process's first
  // shadow database: 37 s at a load average of 15, past vitest's 30 s, as the issue reported.
  it("finds no drift between the repository's schema and its migrations", { timeout: ENGINE_TIMEOUT }, async () => {
    expect(await checkDrift(db.factory, { migrationsDir, schemaPath })).toEqual({ drift: false, script: "" });
  });

  it("reports drift, with the SQL that is missing, for a changed schema", { timeout: ENGINE_TIMEOUT }, async () => {
    const { drift, script } = await checkDrift(db.factory, project);
    expect(drift).toBe(true);
    expect(script).toContain('CREATE TABLE "MigrationProbe"');
  });

  // Five shadow databases, each a new PGlite (~2 s on a busy two-core machine; 67 s for the test at load 15).
  it("writes and applies a migration for the change, and nothing more the second time", { timeout: ENGINE_TIMEOUT }, async () => {
    const { created } = await createMigration(db.factory, { ...project, name: "Add probe" });
    expect(created).toMatch(/^\d{14}_add_probe$/);
    const sql = await readFile(path.join(project.migrationsDir, created!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "MigrationProbe"');
    expect(await tableNames(db.factory)).toContain("MigrationProbe");
    expect(await pendingMigrations((sql) => query(db.factory, sql), project.migrationsDir)).toEqual([]);

    expect(await createMigration(db.factory, { ...project, name: "again" })).toEqual({ created: null });
    expect((await checkDrift(db.factory, project)).drift).toBe(false);
  });
});

// createMigration once failed with "PostgreSQL shadow DB must be provided through an external
// factory" whenever the database had migrations left to apply.
describe("schema changes on a database behind its migrations", () => {
  let db: TestDatabase;
  let project: { dir: string; schemaPath: string; migrationsDir: string };
  let init: string;
  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-migrations-"));
    project = { dir, schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
    const [first] = await listMigrations(migrationsDir);
    if (!first) throw new Error("prisma/migrations has no migration to start from");
    init = first;
    await mkdir(project.migrationsDir);
    await cp(path.join(migrationsDir, "migration_lock.toml"), path.join(project.migrationsDir, "migration_lock.toml"));
    await cp(path.join(migrationsDir, init), path.join(project.migrationsDir, init), { recursive: true });
    await writeFile(project.schemaPath, withProbeReviews(await readFile(schemaPath, "utf8")));
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(async () => {
    await db?.close();
    if (project) await rm(project.dir, { recursive: true, force: true });
  });

  // Seven shadow databases (two per devDiagnostic, one for the drift check), each a new PGlite.
  it(
    "applies the pending init migration, then writes and applies one for an enum and a related model",
    { timeout: ENGINE_TIMEOUT },
    async () => {
      expect(await pendingMigrations((sql) => query(db.factory, sql), project.migrationsDir)).toEqual([init]);

      const { created } = await createMigration(db.factory, { ...project, name: "Add probe reviews" });
      expect(created).toMatch(/^\d{14}_add_probe_reviews$/);
      const sql = await readFile(path.join(project.migrationsDir, created!, "migration.sql"), "utf8");
      expect(sql).toContain(`CREATE TYPE "ProbeVerdict" AS ENUM ('AGREE', 'DISAGREE');`);
      expect(sql).toContain('CREATE TABLE "ProbeReview"');
      expect(sql).toMatch(/ADD CONSTRAINT "ProbeReview_comparisonId_fkey" FOREIGN KEY .* REFERENCES "Comparison"/);
      expect(sql).toMatch(/ADD CONSTRAINT "ProbeReview_reviewerId_fkey" FOREIGN KEY .* REFERENCES "User"/);

      expect(await pendingMigrations((sql) => query(db.factory, sql), project.migrationsDir)).toEqual([]);
      const foreignKeys = await query(
        db.factory,
        `SELECT constraint_name FROM information_schema.table_constraints
         WHERE table_name = 'ProbeReview' AND constraint_type = 'FOREIGN KEY' ORDER BY constraint_name`,
      );
      expect(foreignKeys.map((row) => row.constraint_name)).toEqual([
        "ProbeReview_comparisonId_fkey",
        "ProbeReview_reviewerId_fkey",
      ]);
      const labels = await query(
        db.factory,
        `SELECT e.enumlabel::text AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
         WHERE t.typname = 'ProbeVerdict' ORDER BY e.enumsortorder`,
      );
      expect(labels.map((row) => row.label)).toEqual(["AGREE", "DISAGREE"]);

      expect(await createMigration(db.factory, { ...project, name: "again" })).toEqual({ created: null });
      expect((await checkDrift(db.factory, project)).drift).toBe(false);
    },
  );
});

describe("a failing migration", () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "parallax-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
    await mkdir(path.join(dir, "29991231000000_broken"));
    await writeFile(path.join(dir, "29991231000000_broken", "migration.sql"), "SELECT * FROM no_such_table;\n");
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("fails with the database's own message and is not recorded as applied", async () => {
    const failure = await deployMigrations(db.factory, { migrationsDir: dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Migration 29991231000000_broken failed: .*no_such_table/);
    expect((failure as Error).message).not.toMatch(/External error|\n\s+0: /);
    expect(await pendingMigrations((sql) => query(db.factory, sql), dir)).toEqual(["29991231000000_broken"]);
  });
});
