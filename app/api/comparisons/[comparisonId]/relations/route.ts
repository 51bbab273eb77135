// A comparison's relations between annotations: GET lists those the caller may see (?annotationId= for one annotation's), POST creates one.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/server/errors";
import { withUser, type RouteParams } from "@/lib/server/http";
import { createRelation } from "@/lib/server/services/relations/create-relation";
import { findRelations } from "@/lib/server/services/relations/find-relations";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string }>;

export const GET = withUser<Params>(async (_req, { user, params, query }) => {
  const { comparisonId } = await params;
  const unknown = [...query.keys()].find((key) => key !== "annotationId");
  if (unknown) throw new AppError("INVALID_INPUT", `Unknown query parameter “${unknown}”. Filter with annotationId.`, { [unknown]: "Not a filter." });
  const annotationId = query.get("annotationId") ?? undefined;
  const [relations, types] = await Promise.all([findRelations(user, comparisonId, { annotationId }), findRelationTypes(user, comparisonId)]);
  return NextResponse.json({ relations, types });
});

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId } = await params;
  return NextResponse.json(await createRelation(user, comparisonId, await json()), { status: 201 });
});
