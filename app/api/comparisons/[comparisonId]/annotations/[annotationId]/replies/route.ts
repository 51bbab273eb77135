// Replies under an annotation: POST adds one to its thread.
import { NextResponse } from "next/server";
import { withUser, type RouteParams } from "@/lib/server/http";
import { createReply } from "@/lib/server/services/annotations/replies";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; annotationId: string }>;

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, annotationId } = await params;
  return NextResponse.json(await createReply(user, comparisonId, annotationId, await json()), { status: 201 });
});
