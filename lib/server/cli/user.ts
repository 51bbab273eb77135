import "server-only";
import { randomBytes } from "node:crypto";
import { createUser } from "@/lib/server/services/users/create-user";
import { defineCommand, parseCommand, processIo, type CliIo } from "./command";
import { withDatabase } from "./database";

export const USER_USAGE = `  npm run cli -- user create --email <email> --name <name> [--password-stdin]
      Creates an account. With --password-stdin its password is the first line of standard
      input; without, a password is made up and printed once.`;

export interface CreateUserOptions {
  email: string;
  name: string;
  /** The password to set; a random one is made (and returned) when absent. */
  password?: string;
}

/** Creates an account with the sign-up rules (email, name, password); returns it with a made-up password when none was given. */
export async function createUserFromCli(options: CreateUserOptions) {
  const password = options.password ?? randomBytes(15).toString("base64url");
  const user = await createUser({ name: options.name, email: options.email, password });
  return { user: { id: user.id, email: user.email, name: user.name }, madeUpPassword: options.password === undefined ? password : null };
}

/** The first line of a stream (a password piped in: `printf '%s\n' "$PASSWORD" | npm run cli -- user create … --password-stdin`). */
export async function readFirstLine(stream: AsyncIterable<Buffer | string>): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += chunk.toString();
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** `user create`: an account for scripted set-up of a newsroom or a class. */
export async function runUser(args: string[], io: CliIo = processIo, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<number> {
  let create: { email: string; name: string; passwordStdin?: boolean } | undefined;
  const command = defineCommand("user", "Manages accounts.", io);
  command
    .command("create")
    .description("Creates an account that can sign in (the sign-up rules apply to its email, name and password).")
    .requiredOption("--email <email>", "the account's email (its sign-in name)")
    .requiredOption("--name <name>", "the name shown to others")
    .option("--password-stdin", "read the password from the first line of standard input (default: make one up and print it)")
    .showHelpAfterError('Run "npm run cli -- user create --help" to see how to call it.')
    .action((options: NonNullable<typeof create>) => {
      create = options;
    });
  const parsed = parseCommand(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const options = create!;
  const password = options.passwordStdin ? await readFirstLine(stdin) : undefined;
  return withDatabase(io, async () => {
    const { user, madeUpPassword } = await createUserFromCli({ email: options.email, name: options.name, password });
    io.out(`Created the account ${user.email} (${user.name}).`);
    if (madeUpPassword) io.out(`Its password is ${madeUpPassword} (shown only now; they can change it on their Profile page).`);
    return 0;
  });
}
