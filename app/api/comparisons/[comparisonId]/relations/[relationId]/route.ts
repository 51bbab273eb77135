// One relation: GET reads it, PATCH changes its type or direction (naming the version it is based on), DELETE soft-deletes it.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/server/errors";
import { withUser, type RouteParams } from "@/lib/server/http";
import { getRelation } from "@/lib/server/services/relations/find-relations";
import { deleteRelation, updateRelation } from "@/lib/server/services/relations/update-relation";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; relationId: string }>;

export const GET = withUser<Params>(async (_req, { user, params }) => {
  const { comparisonId, relationId } = await params;
  return NextResponse.json(await getRelation(user, comparisonId, relationId));
});

export const PATCH = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, relationId } = await params;
  return NextResponse.json(await updateRelation(user, comparisonId, relationId, await json()));
});

// The version comes as ?version=, as for annotations: some HTTP clients cannot send a body with DELETE.
export const DELETE = withUser<Params>(async (_req, { user, params, query }) => {
  const { comparisonId, relationId } = await params;
  const version = query.get("version");
  if (version === null || !/^\d+$/.test(version)) {
    throw new AppError("INVALID_INPUT", "Name the version you are deleting: ?version=1.", { version: "Use a whole number." });
  }
  await deleteRelation(user, comparisonId, relationId, { version: Number(version) });
  return new Response(null, { status: 204 });
});
