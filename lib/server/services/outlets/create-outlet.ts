import "server-only";
import { ZCreateOutlet } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/errors";
import { AppError } from "@/lib/server/errors";
import { requireEditableWorkspace } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";

export async function createOutlet(actor: Actor, workspaceSlug: string, input: unknown) {
  const data = parseInput(ZCreateOutlet, input);
  const workspace = await requireEditableWorkspace(actor, workspaceSlug);
  try {
    return await db().outlet.create({ data: { ...data, workspaceId: workspace.id } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = `This workspace already has an outlet named “${data.name}”.`;
      throw new AppError("CONFLICT", message, { name: message });
    }
    throw error;
  }
}
