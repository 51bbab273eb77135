import "server-only";
import { Option } from "commander";
import { addMember } from "@/lib/server/services/members/add-member";
import { defineCommand, parseCommand, processIo, type CliIo } from "./command";
import { withDatabase } from "./database";
import { resolveActor } from "./resolve-actor";

const ROLES = ["owner", "editor", "reviewer", "viewer", "teacher", "student"];

export const MEMBER_USAGE = `  npm run cli -- member add --workspace <slug> --email <email> --role <role> [--as <email>]
      Makes an existing account a member: owner, editor, reviewer or viewer of a newsroom;
      teacher or student of a class. Acts as the workspace's first owner unless --as.`;

export interface AddMemberOptions {
  workspace: string;
  email: string;
  role: string;
  as?: string;
}

/** Adds the member, acting as the workspace's first owner (or teacher) unless `as` names one who manages members. */
export async function addMemberFromCli(options: AddMemberOptions) {
  const actor = await resolveActor(options.workspace, options.as);
  return addMember(actor, options.workspace, { email: options.email, role: options.role.toUpperCase() });
}

/** `member add`: scripted set-up of who is in a newsroom or a class. */
export async function runMember(args: string[], io: CliIo = processIo): Promise<number> {
  let add: AddMemberOptions | undefined;
  const command = defineCommand("member", "Manages workspace members.", io);
  command
    .command("add")
    .description("Makes an existing account a member of a workspace, with a role its kind has.")
    .requiredOption("--workspace <slug>", "the workspace")
    .requiredOption("--email <email>", "the account's email")
    .addOption(new Option("--role <role>", "owner, editor, reviewer or viewer in a newsroom; teacher or student in a class").choices(ROLES).makeOptionMandatory())
    .option("--as <email>", "act as this owner (default: the workspace's first owner or teacher)")
    .showHelpAfterError('Run "npm run cli -- member add --help" to see how to call it.')
    .action((options: AddMemberOptions) => {
      add = options;
    });
  const parsed = parseCommand(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const options = add!;
  return withDatabase(io, async () => {
    const member = await addMemberFromCli(options);
    io.out(`${member.user.email} is now ${member.role.toLowerCase()} of “${member.workspace.name}” (/w/${member.workspace.slug}).`);
    return 0;
  });
}
