// `npm run cli -- <command>`: scripted use of Parallax on the same database settings as the app.
import { parseArgs } from "node:util";
import { importFolder } from "@/lib/server/cli/import-folder";
import { acquireDataLock } from "@/lib/server/db/data-lock";
import { createDbClient, installDbClient } from "@/lib/server/db/client";
import { describeTarget, openAdapter, resolveDatabaseTarget } from "@/lib/server/db/target";

const USAGE = `Usage:
  npm run cli -- import <folder> --workspace <slug> [--comparison <slug>] [--as <email>] [--allow-duplicates]
      Imports every .txt, .md and .html file of <folder> (titles, outlets and dates from its
      manifest.json when present) into the comparison, or into a new one.`;

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      workspace: { type: "string" },
      comparison: { type: "string" },
      as: { type: "string" },
      "allow-duplicates": { type: "boolean", default: false },
    },
  });
  const folder = positionals[0];
  if (!folder || !values.workspace) {
    console.error(USAGE);
    return 2;
  }
  const result = await importFolder({
    folder,
    workspace: values.workspace,
    comparison: values.comparison,
    as: values.as,
    allowDuplicates: values["allow-duplicates"],
  });
  for (const line of result.lines) console.log(`${line.outcome.padEnd(9)} ${line.file}: ${line.detail}`);
  const count = (outcome: string) => result.lines.filter((l) => l.outcome === outcome).length;
  console.log(
    `\n${count("imported")} imported, ${count("skipped")} skipped, ${count("failed")} failed, into /w/${result.workspace}/c/${result.comparison}`,
  );
  return count("failed") > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "import") {
    console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  const target = resolveDatabaseTarget();
  if (target.kind === "embedded") acquireDataLock(target.dataDir);
  const adapter = openAdapter(target);
  const client = createDbClient(adapter.factory);
  installDbClient(client, target);
  console.error(`Using the ${describeTarget(target)}.`);
  try {
    return await runImport(rest);
  } finally {
    await client.$disconnect();
    await adapter.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nThe command failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
