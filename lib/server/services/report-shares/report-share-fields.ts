import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What the report page shows of a live share link. */
export const reportShareSelect = {
  id: true,
  token: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.ReportShareSelect;

export type ReportShareView = Prisma.ReportShareGetPayload<{ select: typeof reportShareSelect }>;
