import "server-only";
import { listAnalysers, UNDETECTED_TECHNIQUES } from "@/lib/domain/analysis";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireAnalyserEditor, requireAnalyserWorkspace } from "./require-analyser-workspace";

/** The analysers a workspace runs: its own choice where it made one, the analyser's default otherwise. */
export async function enabledAnalysers(workspaceId: string): Promise<Set<string>> {
  const choices = await db().workspaceAnalyser.findMany({ where: { workspaceId }, select: { analyser: true, enabled: true } });
  const chosen = new Map(choices.map((c) => [c.analyser, c.enabled]));
  return new Set(listAnalysers().filter((a) => chosen.get(a.id) ?? a.defaultOn).map((a) => a.id));
}

/** Every analyser with what it proposes and whether this workspace runs it. */
export async function findAnalyserSettings(actor: Actor, workspaceSlug: string) {
  const workspace = await requireAnalyserWorkspace(actor, workspaceSlug);
  const enabled = await enabledAnalysers(workspace.id);
  return {
    canChange: workspace.canChange,
    offeredHere: workspace.kind === "TEAM",
    analysers: listAnalysers().map((a) => ({ ...a, enabled: enabled.has(a.id) })),
    undetected: UNDETECTED_TECHNIQUES,
  };
}

/** Owners and editors switch an analyser on or off for the whole workspace. */
export async function setAnalyserEnabled(actor: Actor, workspaceSlug: string, analyser: string, enabled: boolean) {
  const workspace = await requireAnalyserEditor(actor, workspaceSlug);
  if (!listAnalysers().some((a) => a.id === analyser)) throw new AppError("INVALID_INPUT", `There is no analyser “${analyser}”.`);
  await db().workspaceAnalyser.upsert({
    where: { workspaceId_analyser: { workspaceId: workspace.id, analyser } },
    create: { workspaceId: workspace.id, analyser, enabled },
    update: { enabled },
  });
}
