import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";
import { reportShareSelect, type ReportShareView } from "./report-share-fields";

/** The comparison's live share link, if its report is published; only for members. */
export async function findReportShare(actor: Actor, comparisonId: string): Promise<ReportShareView | null> {
  return db().reportShare.findFirst({
    where: { comparisonId, revokedAt: null, comparison: { workspace: hasMember(actor) } },
    orderBy: { createdAt: "desc" },
    select: reportShareSelect,
  });
}
