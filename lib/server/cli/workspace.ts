import "server-only";
import { Option } from "commander";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { defineCommand, parseCommand, processIo, type CliIo } from "./command";
import { withDatabase } from "./database";

export const WORKSPACE_USAGE = `  npm run cli -- workspace create --name <name> [--slug <slug>] [--kind newsroom|class] --owner <email>
      Creates a workspace (a newsroom by default) owned by an existing account; a class's
      owner is its teacher, and the class gets a join code for students.`;

export interface CreateWorkspaceOptions {
  name: string;
  slug?: string;
  kind: "newsroom" | "class";
  owner: string;
}

/** Creates a workspace as the account with the owner's email, with the app's rules for names and addresses. */
export async function createWorkspaceFromCli(options: CreateWorkspaceOptions) {
  const owner = await db().user.findUnique({ where: { email: options.owner.trim().toLowerCase() }, select: { id: true } });
  if (!owner) throw new AppError("NOT_FOUND", `No account has the email ${options.owner}: create it first with "npm run cli -- user create".`);
  return createWorkspace(owner, { name: options.name, slug: options.slug, kind: options.kind === "class" ? "CLASS" : "TEAM" });
}

/** `workspace create`: a newsroom or a class for scripted set-up. */
export async function runWorkspace(args: string[], io: CliIo = processIo): Promise<number> {
  let create: CreateWorkspaceOptions | undefined;
  const command = defineCommand("workspace", "Manages workspaces.", io);
  command
    .command("create")
    .description("Creates a workspace owned by an existing account (a class's owner is its teacher).")
    .requiredOption("--name <name>", "the workspace's name")
    .option("--slug <slug>", "its address in /w/<slug> (default: made from the name)")
    .addOption(new Option("--kind <kind>", "a newsroom (a team) or a class").choices(["newsroom", "class"]).default("newsroom"))
    .requiredOption("--owner <email>", "the email of the account that owns it")
    .showHelpAfterError('Run "npm run cli -- workspace create --help" to see how to call it.')
    .action((options: CreateWorkspaceOptions) => {
      create = options;
    });
  const parsed = parseCommand(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const options = create!;
  return withDatabase(io, async () => {
    const workspace = await createWorkspaceFromCli(options);
    io.out(`Created the ${workspace.kind === "CLASS" ? "class" : "newsroom"} “${workspace.name}” at /w/${workspace.slug}.`);
    if (workspace.joinCode) io.out(`Students join it with the code ${workspace.joinCode}.`);
    return 0;
  });
}
