import "server-only";
import { createHash } from "node:crypto";
import { DEFAULT_LEXICON, type Lexicon } from "@/lib/domain/analysis";
import { ZAnalysisLexicon } from "@/lib/schemas/analysis-lexicon";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { LexiconInUse } from "./ensure-proposals";
import { requireAnalyserEditor, requireAnalyserWorkspace } from "./require-analyser-workspace";

/** Big enough for thousands of entries, small enough to check and hash at once. */
const MAX_LEXICON_BYTES = 1_000_000;

/** The loaded-terms list a workspace's analysers read: its own, or the one Parallax ships. */
export async function lexiconInUse(workspaceId: string): Promise<LexiconInUse> {
  const own = await db().workspaceLexicon.findUnique({ where: { workspaceId }, select: { lexicon: true, hash: true } });
  return own ? { lexicon: own.lexicon as unknown as Lexicon, hash: own.hash } : { lexicon: undefined, hash: "default" };
}

/** The list in use, as every member may review it, and whether the actor may change it. */
export async function findWorkspaceLexicon(actor: Actor, workspaceSlug: string) {
  const workspace = await requireAnalyserWorkspace(actor, workspaceSlug);
  const own = await db().workspaceLexicon.findUnique({
    where: { workspaceId: workspace.id },
    select: { lexicon: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return {
    lexicon: own ? (own.lexicon as unknown as Lexicon) : DEFAULT_LEXICON,
    own: own ? { updatedAt: own.updatedAt, updatedBy: own.updatedBy.name } : null,
    canEdit: workspace.canChange,
  };
}

/**
 * Replaces the workspace's list with an edited one (JSON in the shipped list's format),
 * checked whole first: nothing is stored unless all of it is usable. Proposals are made anew
 * with it the next time a source is opened; decisions on proposals it makes again are kept.
 */
export async function saveWorkspaceLexicon(actor: Actor, workspaceSlug: string, text: string) {
  const workspace = await requireAnalyserEditor(actor, workspaceSlug);
  if (Buffer.byteLength(text, "utf8") > MAX_LEXICON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The list is over 1 MB. Keep it under that.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The list is not valid JSON (${(error as Error).message}). Fix it and save again.`);
  }
  const checked = ZAnalysisLexicon.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new AppError("INVALID_INPUT", `The list cannot be used${where}: ${issue.message}`);
  }
  const canonical = JSON.stringify(checked.data);
  const hash = createHash("sha256").update(canonical).digest("hex");
  const lexicon = JSON.parse(canonical);
  await db().workspaceLexicon.upsert({
    where: { workspaceId: workspace.id },
    create: { workspaceId: workspace.id, lexicon, hash, updatedById: actor.id },
    update: { lexicon, hash, updatedById: actor.id },
  });
  return { entries: checked.data.entries.length };
}

/** Goes back to the list Parallax ships. */
export async function resetWorkspaceLexicon(actor: Actor, workspaceSlug: string) {
  const workspace = await requireAnalyserEditor(actor, workspaceSlug);
  await db().workspaceLexicon.deleteMany({ where: { workspaceId: workspace.id } });
}
