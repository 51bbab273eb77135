// Re-anchoring: POST attaches an orphaned (or misplaced) annotation to a span of the source's current text.
import { NextResponse } from "next/server";
import { withUser, type RouteParams } from "@/lib/server/http";
import { reattachAnnotation } from "@/lib/server/services/annotations/reattach-annotation";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; annotationId: string }>;

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, annotationId } = await params;
  return NextResponse.json(await reattachAnnotation(user, comparisonId, annotationId, await json()));
});
