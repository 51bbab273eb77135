// POST brings back the caller's own deleted relation (undoing a delete), naming the version the delete left: { "version": n }.
import { NextResponse } from "next/server";
import { withUser, type RouteParams } from "@/lib/server/http";
import { restoreRelation } from "@/lib/server/services/relations/restore-relation";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; relationId: string }>;

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, relationId } = await params;
  return NextResponse.json(await restoreRelation(user, comparisonId, relationId, await json()));
});
