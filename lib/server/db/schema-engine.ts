import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { listMigrations } from "./migration-status";
import { PrismaPGlite } from "pglite-prisma-adapter";

type Factory = SqlMigrationAwareDriverAdapterFactory;
type EngineModule = typeof EngineBindings;

const LOCKFILE = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

// ---------------------------------------------------------------------------
// Engine commands

export async function deployMigrations(
  factory: Factory,
  { migrationsDir }: { migrationsDir: string },
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(migrationsDir);
  return withEngine(factory, undefined, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return { applied: appliedMigrationNames };
  });
}

/** Compares the SQL the migrations produce with schema.prisma, on a throwaway shadow database. */
export async function checkDrift(
  factory: Factory,
  { migrationsDir, schemaPath }: { migrationsDir: string; schemaPath: string },
): Promise<{ drift: boolean; script: string }> {
  const [migrationsList, schema] = await Promise.all([readMigrationsList(migrationsDir), readSchema(schemaPath)]);
  return withEngine(factory, schema, async (engine) => {
    const { exitCode, stdout } = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    const drift = exitCode === 2;
    return { drift, script: drift ? (stdout ?? "") : "" };
  });
}

/**
 * Like `prisma migrate dev --name <name>`: applies pending migrations, writes a new one when
 * schema.prisma differs from the migrations, and applies it.
 */
export async function createMigration(
  factory: Factory,
  { migrationsDir, schemaPath, name }: { migrationsDir: string; schemaPath: string; name: string },
): Promise<{ created: string | null }> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`"${name}" is not usable as a migration name; use letters, digits and underscores.`);
  const [migrationsList, schema] = await Promise.all([readMigrationsList(migrationsDir), readSchema(schemaPath)]);

  return withEngine(factory, schema, async (engine) => {
    await diagnoseDevDatabase(engine, migrationsList);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    // createMigration never opens a shadow database itself: it takes the schema the migrations
    // produce from a cache that devDiagnostic fills, keyed by the migrations applied to the
    // database at that time. On a miss it falls back to a shadow database the WASM engine cannot
    // create ("PostgreSQL shadow DB must be provided through an external factory"). So once
    // pending migrations are applied, diagnose again to cache the schema of all of them.
    if (appliedMigrationNames.length > 0) await diagnoseDevDatabase(engine, migrationsList);

    const result = await engine.createMigration({
      draft: false,
      migrationName: slug,
      migrationsList,
      schema: { files: [schema] },
      filters: NO_FILTERS,
    });
    if (result.migrationScript === null) return { created: null };

    const dir = path.join(migrationsDir, result.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, MIGRATION_FILE), result.migrationScript);
    if (migrationsList.lockfile.content === null) {
      await writeFile(
        path.join(migrationsDir, LOCKFILE),
        `# Written by scripts/db.ts; the provider must match schema.prisma.\nprovider = "${result.connectorType}"\n`,
      );
    }
    await engine.applyMigrations({ migrationsList: await readMigrationsList(migrationsDir), filters: NO_FILTERS });
    return { created: result.generatedMigrationName };
  });
}

/**
 * `migrate dev`'s first step: fails on a broken migration, refuses a database that drifted from
 * the migrations, and caches the schema of the migrations applied to it (see createMigration).
 */
async function diagnoseDevDatabase(engine: SchemaEngine, migrationsList: MigrationList): Promise<void> {
  const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
  if (action.tag === "reset") {
    throw new Error(`The database does not match the migrations (${action.reason}). Reset it or use another one.`);
  }
}

// ---------------------------------------------------------------------------
// Loading and running the WASM engine

let engineModule: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const jsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const [bindings, wasm] = await Promise.all([
      import("@prisma/schema-engine-wasm/schema_engine_bg"),
      readFile(jsPath.replace(/\.js$/, ".wasm")),
    ]);
    const { instance } = await WebAssembly.instantiate(new Uint8Array(wasm), { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

async function withEngine<T>(
  factory: Factory,
  schema: { path: string; content: string } | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const connections = trackConnections(factory);
  const bound = bindMigrationAwareSqlAdapterFactory(connections.factory);
  let engine: SchemaEngine | undefined;
  try {
    const datamodels: [string, string][] | undefined = schema && [[schema.path, schema.content]];
    engine = await SchemaEngine.new({ datamodels }, () => {}, bound);
    return await run(engine);
  } catch (error) {
    throw unwrapEngineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await connections.closeAll();
  }
}

/**
 * Engine errors name JS-side failures "External error id#N" and end with a Rust span trace;
 * this puts the original message in and keeps only the trace's migration name.
 */
function unwrapEngineError(error: unknown, registry: ErrorRegistry): Error {
  const raw = error instanceof Error ? error.message : String(error);
  const traceStart = raw.search(/\n\s+0: /);
  const trace = traceStart < 0 ? "" : raw.slice(traceStart);
  const message = (traceStart < 0 ? raw : raw.slice(0, traceStart))
    .replace(/External error id#(\d+)/g, (text, id: string) => {
      const original = registry.consumeError(Number(id))?.error;
      if (original === undefined) return text;
      return original instanceof Error ? original.message : JSON.stringify(original);
    })
    .replace(/^external connector error\n/, "")
    .trim();
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  return new Error(migration ? `Migration ${migration} failed: ${message}` : message);
}

async function readSchema(schemaPath: string): Promise<{ path: string; content: string }> {
  return { path: path.basename(schemaPath), content: await readFile(schemaPath, "utf8") };
}

async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const names = await listMigrations(baseDir);
  const lockfile = await readFile(path.join(baseDir, LOCKFILE), "utf8").catch(() => null);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: MIGRATION_FILE,
        content: await readFile(path.join(baseDir, name, MIGRATION_FILE), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  return { baseDir, lockfile: { path: LOCKFILE, content: lockfile }, shadowDbInitScript: "", migrationDirectories };
}

// ---------------------------------------------------------------------------
// Adapter fixes. The engine opens connections through the factory; every one is closed
// after the command, because open pools keep the process (and Postgres databases) busy.

function trackConnections(factory: Factory): { factory: Factory; closeAll(): Promise<void> } {
  const open = new Set<SqlDriverAdapter>();
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const adapter = await connecting;
    let disposed: Promise<void> | undefined;
    const tracked = withOverrides(adapter, {
      dispose: () => (disposed ??= adapter.dispose().finally(() => open.delete(tracked))),
    });
    open.add(tracked);
    return tracked;
  };
  const fixed = fixFactory(factory);
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => track(fixed.connect()),
      connectToShadowDb: () => track(fixed.connectToShadowDb()),
    },
    closeAll: async () => {
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
  };
}

/**
 * The first shadow PGlite of the process runs initdb; its empty data folder is kept, and
 * later shadows are unpacked from it. Creating a migration takes several shadow databases,
 * and initdb is most of what a new PGlite costs (seconds, far more on a loaded machine).
 */
let emptyCluster: Promise<Blob> | undefined;

async function newShadowCluster(): Promise<PGlite> {
  if (emptyCluster) return new PGlite({ loadDataDir: await emptyCluster });
  const shadow = new PGlite();
  emptyCluster = shadow.waitReady.then(() => shadow.dumpDataDir("none"));
  emptyCluster.catch(() => {
    emptyCluster = undefined;
  });
  await emptyCluster;
  return shadow;
}

function fixFactory(factory: Factory): Pick<Factory, "connect" | "connectToShadowDb"> {
  if (factory.adapterName === "pglite-prisma-adapter") {
    return {
      connect: async () => awaitPGliteScripts(await factory.connect()),
      connectToShadowDb: async () => {
        const shadow = await newShadowCluster();
        const adapter = awaitPGliteScripts(await new PrismaPGlite(shadow).connect());
        return withOverrides(adapter, { dispose: () => shadow.close() });
      },
    };
  }
  if (factory instanceof PrismaPg) {
    let options: Promise<pg.PoolConfig> | undefined;
    const config = () =>
      (options ??= factory.connect().then(async (probe) => {
        const pool = probe.underlyingDriver();
        await probe.dispose();
        return pool.options;
      }));
    return {
      connect: async () => connectPg(await config()),
      connectToShadowDb: async () => {
        const options = await config();
        const admin = await connectPg(options);
        const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
        await admin.executeScript(`CREATE DATABASE "${database}"`);
        const shadow = await connectPg(withDatabase(options, database));
        return withOverrides(shadow, {
          // adapter-pg drops the database before closing its pool, which Postgres refuses.
          dispose: async () => {
            await shadow.dispose();
            await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
            await admin.dispose();
          },
        });
      },
    };
  }
  return factory;
}

/**
 * pglite-prisma-adapter starts a script without awaiting it, so a failing migration would be
 * recorded as applied and its error would surface later as an unhandled rejection.
 */
function awaitPGliteScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const { client } = adapter as unknown as { client: PGlite };
  return withOverrides(adapter, {
    executeScript: async (script) => {
      await client.exec(script);
    },
  });
}

/**
 * A Postgres connection for the engine. adapter-pg cannot read the `"char"` type (OID 18) that
 * the engine's catalog queries return, so row descriptions report it as text (OID 25).
 */
async function connectPg(config: pg.PoolConfig): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool(config);
  pool.on("connect", (client) => {
    client.connection.prependListener("rowDescription", (message: { fields: { dataTypeID: number }[] }) => {
      for (const field of message.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    });
  });
  return new PrismaPg(pool, { disposeExternalPool: true }).connect();
}

/** adapter-pg's own shadow pool spreads a connection string whose database wins over `database`. */
function withDatabase(config: pg.PoolConfig, database: string): pg.PoolConfig {
  if (!config.connectionString) return { ...config, database };
  const url = new URL(config.connectionString);
  url.pathname = `/${database}`;
  return { ...config, connectionString: url.href };
}

function withOverrides(adapter: SqlDriverAdapter, overrides: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    ...overrides,
  };
}
