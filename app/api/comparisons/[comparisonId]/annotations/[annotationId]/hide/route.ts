// Moderation: POST hides an annotation from reviewers with a reason, or shows it again (owners and editors).
import { NextResponse } from "next/server";
import { z } from "zod";
import { withUser, type RouteParams } from "@/lib/server/http";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { parseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; annotationId: string }>;

// setAnnotationHidden takes typed input and checks version and reason itself; this only
// makes sure the body has that shape.
const ZHideRequest = z.object({
  hidden: z.boolean({ error: "Say whether to hide the annotation: “hidden”: true or false." }),
  version: z.number({ error: "Give the version the change is based on." }),
  reason: z.string().optional(),
});

export const POST = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, annotationId } = await params;
  const input = parseInput(ZHideRequest, await json());
  await setAnnotationHidden(user, comparisonId, annotationId, input);
  return NextResponse.json(await getAnnotation(user, comparisonId, annotationId));
});
