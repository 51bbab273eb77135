// POST brings back the caller's own deleted annotation (undoing a delete), naming the version the delete left: { "version": n }.
import { NextResponse } from "next/server";
import { withUser, type RouteParams } from "@/lib/server/http";
import { restoreAnnotation } from "@/lib/server/services/annotations/restore-annotation";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; annotationId: string }>;

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, annotationId } = await params;
  return NextResponse.json(await restoreAnnotation(user, comparisonId, annotationId, await json()));
});
