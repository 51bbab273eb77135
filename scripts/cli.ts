// `npm run cli -- <command>`: scripted use of Parallax on the same database settings as the app.
// Only commander and this file load before a command is chosen: each command's module (and
// what it needs: the database client, the analysers, PDF fonts…) is imported when it runs.
import { Command, CommanderError } from "commander";
import { sentence } from "@/lib/server/cli/command";

interface CliCommand {
  summary: string;
  load: () => Promise<(args: string[]) => Promise<number>>;
}

// One line per command: its name, a one-line summary for `--help`, and its module's run function.
const COMMANDS: Record<string, CliCommand> = {
  import: { summary: "import a folder of texts as sources, or annotations (W3C JSON-LD, brat, WebAnno TSV, Label Studio, doccano, PTC)", load: async () => (await import("@/lib/server/cli/import")).runImport },
  export: { summary: "write a comparison's annotations (csv, jsonld, brat, webanno, labelstudio, doccano, ptc) or report (md, pdf)", load: async () => (await import("@/lib/server/cli/export")).runExport },
  agreement: { summary: "Krippendorff's unitizing alpha (αU) of spans in a JSON file (no database)", load: async () => (await import("@/lib/server/cli/agreement")).runAgreement },
  align: { summary: "align the sentences of text files (no database)", load: async () => (await import("@/lib/server/cli/align")).runAlign },
  user: { summary: "create an account (user create)", load: async () => (await import("@/lib/server/cli/user")).runUser },
  workspace: { summary: "create a newsroom or a class (workspace create)", load: async () => (await import("@/lib/server/cli/workspace")).runWorkspace },
  member: { summary: "add an account to a workspace with a role (member add)", load: async () => (await import("@/lib/server/cli/member")).runMember },
  suggest: { summary: "propose framing devices, techniques and claims for text files (no database)", load: async () => (await import("@/lib/server/cli/suggest")).runSuggest },
};

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command("npm run cli --")
    .description("Parallax on the command line, with the app's database settings (DATABASE_URL, or the embedded database in PARALLAX_DATA_DIR).")
    .usage("<command> [options]")
    .enablePositionalOptions()
    .helpCommand(false)
    .configureHelp({ subcommandTerm: (command) => command.name() })
    .configureOutput({ outputError: (text, write) => write(`${sentence(text)}\n`) })
    .exitOverride()
    .showHelpAfterError('Run "npm run cli -- --help" for the commands, and "npm run cli -- <command> --help" for one of them.')
    .addHelpText("after", '\nEach command explains itself: npm run cli -- <command> --help');
  for (const [name, command] of Object.entries(COMMANDS)) {
    program
      .command(name)
      .description(command.summary)
      .helpOption(false)
      .passThroughOptions()
      .allowUnknownOption()
      .allowExcessArguments()
      .argument("[arguments...]")
      .action(async (args: string[]) => {
        exitCode = await (await command.load())(args);
      });
  }
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nThe command failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
