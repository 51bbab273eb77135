import { describe, expect, it, vi } from "vitest";
import { POST as createAnnotationRoute } from "@/app/api/comparisons/[comparisonId]/annotations/route";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/services/api-tokens/revoke-api-token";
import { removeMember } from "@/lib/server/services/members/remove-member";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

// Only the Authorization header may decide who calls: no session in these requests.
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn(async () => null) }));

const db = setupTestDb();

/** Creates an annotation through the JSON API as a script would, with a personal token. */
async function post(comparisonId: string, token: string, body: unknown) {
  const request = new Request(`http://localhost/api/comparisons/${comparisonId}/annotations`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await createAnnotationRoute(request, { params: Promise.resolve({ comparisonId }) });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { code: string } } };
}

describe("creating an annotation with an API token", () => {
  it("refuses the very next request once the token is revoked", async () => {
    const { comparison, reviewer, span, tag } = await annotatedComparison(db, "Revoking Desk");
    const { id, token } = await createApiToken(reviewer, { name: "script" });
    const input = { ...span("the rising river"), tagIds: [tag("Loaded language")] };
    expect((await post(comparison.id, token, input)).status).toBe(201);

    await revokeApiToken(reviewer, id);
    const refused = await post(comparison.id, token, input);
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await db().annotation.count({ where: { comparisonId: comparison.id } })).toBe(1);
  });

  it("refuses the very next request once the member is removed from the workspace", async () => {
    const { owner, workspace, comparison, reviewer, span, tag } = await annotatedComparison(db, "Removing Desk");
    const { token } = await createApiToken(reviewer, { name: "script" });
    const input = { ...span("the harbour district"), tagIds: [tag("Loaded language")] };
    expect((await post(comparison.id, token, input)).status).toBe(201);

    const membership = await db().membership.findFirstOrThrow({ where: { workspaceId: workspace.id, userId: reviewer.id } });
    await removeMember(owner, workspace.slug, { membershipId: membership.id });
    const refused = await post(comparison.id, token, input);
    expect(refused.status).toBe(404);
    expect(await db().annotation.count({ where: { comparisonId: comparison.id } })).toBe(1);
  });

  it("refuses the token of a deleted account", async () => {
    const { comparison, colleague, span, tag } = await annotatedComparison(db, "Deleting Desk");
    const { token } = await createApiToken(colleague, { name: "script" });
    await db().user.delete({ where: { id: colleague.id } });
    const refused = await post(comparison.id, token, { ...span("the rising river"), tagIds: [tag("Loaded language")] });
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
  });
});
