// A workspace's comparisons (members only): how an API client finds the comparison ids the other endpoints take.
import { NextResponse } from "next/server";
import { withUser, type RouteParams } from "@/lib/server/http";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";

export const dynamic = "force-dynamic";

export const GET = withUser<RouteParams<{ workspaceSlug: string }>>(async (_req, { user, params }) => {
  const { workspaceSlug } = await params;
  const { comparisons } = await findComparisons(user, workspaceSlug);
  return NextResponse.json({
    comparisons: comparisons.map(({ id, slug, title, eventDate }) => ({ id, slug, title, eventDate })),
  });
});
