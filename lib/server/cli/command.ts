import { Command, CommanderError } from "commander";

/** Where a command writes: its results to `out`, messages and progress to `err` (tests pass their own). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** "error: unknown option '--fast'" → "Unknown option '--fast'." */
export function sentence(message: string): string {
  const text = message.trim().replace(/^error:\s*/, "");
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.?!)]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The parser of one command (`npm run cli -- <name> …`), with commander: `--help` for it,
 * and for a wrong call (an unknown option, a missing argument or option) a sentence saying
 * what is wrong and where to read how to call it. It never ends the process itself.
 */
export function defineCommand(name: string, description: string, io: CliIo = processIo): Command {
  return new Command(`npm run cli -- ${name}`)
    .description(description)
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
      outputError: (text, write) => write(sentence(text)),
    })
    .showHelpAfterError(`Run "npm run cli -- ${name} --help" to see how to call it.`);
}

/**
 * Parses a command's arguments: its options and operands, or the exit code to return when
 * it printed its help (0) or refused the call (2).
 */
export function parseCommand<Options>(command: Command, args: readonly string[]): { options: Options; operands: string[] } | { exitCode: number } {
  try {
    command.parse([...args], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? 0 : 2 };
    throw error;
  }
  return { options: command.opts<Options & Record<string, unknown>>(), operands: command.args };
}

/** The value of `--format` (as `--format x` or `--format=x`) before the command is parsed: some formats have a command of their own. */
export function formatOption(args: readonly string[]): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === "--format") return args[i + 1];
    if (arg.startsWith("--format=")) return arg.slice("--format=".length);
  }
  return undefined;
}
