// `tsx scripts/db.ts <migrate [--name x] | deploy | drift>`: Prisma's migrate commands on the
// WASM schema engine, for the embedded database (./data or PARALLAX_DATA_DIR) or DATABASE_URL.
import path from "node:path";
import { parseArgs } from "node:util";
import { acquireDataLock } from "../lib/server/db/data-lock";
import { checkDrift, createMigration, deployMigrations } from "../lib/server/db/schema-engine";
import { describeTarget, openAdapter, openMemoryAdapter, resolveDatabaseTarget } from "../lib/server/db/target";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const USAGE = "Usage: tsx scripts/db.ts <migrate [--name <name>] | deploy | drift>";

async function main(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { name: { type: "string" } } });
  const [command] = positionals;
  if (positionals.length !== 1 || (command !== "migrate" && command !== "deploy" && command !== "drift")) {
    console.error(USAGE);
    return 1;
  }
  const name = values.name ?? "";
  if (command === "migrate" && !name) throw new Error("migrate needs a name for the new migration: --name <what-changed>");
  const target = resolveDatabaseTarget();

  if (command === "drift") {
    // Drift compares the migrations with schema.prisma on a shadow database. The embedded data
    // folder plays no part, so an in-memory one stands in and this also runs while the app is up.
    const db = target.kind === "postgres" ? openAdapter(target) : openMemoryAdapter();
    try {
      const { drift, script } = await checkDrift(db.factory, { migrationsDir, schemaPath });
      if (!drift) {
        console.log("prisma/schema.prisma and prisma/migrations are in sync.");
        return 0;
      }
      console.log("prisma/schema.prisma differs from prisma/migrations. A new migration would need:\n");
      console.log(script.trim());
      console.log("\nCreate it with `npm run db:migrate -- --name <what-changed>`.");
      return 2;
    } finally {
      await db.close();
    }
  }

  const lock = target.kind === "embedded" ? acquireDataLock(target.dataDir) : undefined;
  const db = openAdapter(target);
  try {
    if (command === "deploy") {
      const { applied } = await deployMigrations(db.factory, { migrationsDir });
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to the ${describeTarget(target)}: ${applied.join(", ")}.`
          : `The ${describeTarget(target)} is up to date; no migration to apply.`,
      );
      return 0;
    }
    const { created } = await createMigration(db.factory, { migrationsDir, schemaPath, name });
    console.log(
      created
        ? `Created prisma/migrations/${created}/migration.sql and applied it to the ${describeTarget(target)}.`
        : `prisma/schema.prisma matches prisma/migrations; nothing to create. The ${describeTarget(target)} is up to date.`,
    );
    return 0;
  } finally {
    await db.close();
    lock?.release();
  }
}

// Exit explicitly: the schema engine leaves a 10 s timer behind that would keep the process up.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Expected failures are plain Errors with a message for the user; anything else is a bug.
    const expected = error instanceof Error && error.name === "Error";
    console.error(expected ? error.message : error);
    process.exit(1);
  },
);
