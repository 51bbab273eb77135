// One reply: PATCH edits its text (naming the version it is based on), DELETE soft-deletes it; both the author's own only.
import { withUser, type RouteParams } from "@/lib/server/http";
import { deleteReply, updateReply } from "@/lib/server/services/annotations/replies";

export const dynamic = "force-dynamic";

type Params = RouteParams<{ comparisonId: string; replyId: string }>;

export const PATCH = withUser<Params>(async (_req, { user, params, json }) => {
  const { comparisonId, replyId } = await params;
  await updateReply(user, comparisonId, replyId, await json());
  return new Response(null, { status: 204 });
});

export const DELETE = withUser<Params>(async (_req, { user, params }) => {
  const { comparisonId, replyId } = await params;
  await deleteReply(user, comparisonId, replyId);
  return new Response(null, { status: 204 });
});
