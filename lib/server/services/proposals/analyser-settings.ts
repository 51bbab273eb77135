import "server-only";
import { listAnalysers, UNDETECTED_TECHNIQUES } from "@/lib/domain/analysis";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons, hasMember } from "@/lib/server/permissions";

/** The analysers a workspace runs: its own choice where it made one, the analyser's default otherwise. */
export async function enabledAnalysers(workspaceId: string): Promise<Set<string>> {
  const choices = await db().workspaceAnalyser.findMany({ where: { workspaceId }, select: { analyser: true, enabled: true } });
  const chosen = new Map(choices.map((c) => [c.analyser, c.enabled]));
  return new Set(listAnalysers().filter((a) => chosen.get(a.id) ?? a.defaultOn).map((a) => a.id));
}

async function requireWorkspace(actor: Actor, workspaceSlug: string) {
  const workspace = await db().workspace.findFirst({
    where: { slug: workspaceSlug, ...hasMember(actor) },
    select: { id: true, kind: true, memberships: { where: { userId: actor.id }, select: { role: true } } },
  });
  if (!workspace) throw notFound("That workspace");
  return { id: workspace.id, kind: workspace.kind, role: workspace.memberships[0]!.role };
}

/** Every analyser with what it proposes and whether this workspace runs it. */
export async function findAnalyserSettings(actor: Actor, workspaceSlug: string) {
  const workspace = await requireWorkspace(actor, workspaceSlug);
  const enabled = await enabledAnalysers(workspace.id);
  return {
    canChange: canEditComparisons(workspace.role) && workspace.kind === "TEAM",
    offeredHere: workspace.kind === "TEAM",
    analysers: listAnalysers().map((a) => ({ ...a, enabled: enabled.has(a.id) })),
    undetected: UNDETECTED_TECHNIQUES,
  };
}

/** Owners and editors switch an analyser on or off for the whole workspace. */
export async function setAnalyserEnabled(actor: Actor, workspaceSlug: string, analyser: string, enabled: boolean) {
  const workspace = await requireWorkspace(actor, workspaceSlug);
  if (!canEditComparisons(workspace.role)) throw new AppError("FORBIDDEN", "Only the workspace's owners and editors can switch analysers on or off.");
  if (workspace.kind !== "TEAM") throw new AppError("INVALID_INPUT", "Classes get no proposals: they would give students the answers.");
  if (!listAnalysers().some((a) => a.id === analyser)) throw new AppError("INVALID_INPUT", `There is no analyser “${analyser}”.`);
  await db().workspaceAnalyser.upsert({
    where: { workspaceId_analyser: { workspaceId: workspace.id, analyser } },
    create: { workspaceId: workspace.id, analyser, enabled },
    update: { enabled },
  });
}
