import { beforeAll, describe, expect, it, vi } from "vitest";
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
  let f: Awaited<ReturnType<typeof annotatedComparison>>;
  beforeAll(async () => {
    f = await annotatedComparison(db);
  });
  const input = () => ({ ...f.span("the rising river"), tagIds: [f.tag("Loaded language")] });
  const annotations = () => db().annotation.count({ where: { comparisonId: f.comparison.id } });

  it("refuses the very next request once the token is revoked", async () => {
    const { id, token } = await createApiToken(f.reviewer, { name: "revoked" });
    expect((await post(f.comparison.id, token, input())).status).toBe(201);
    const before = await annotations();

    await revokeApiToken(f.reviewer, id);
    const refused = await post(f.comparison.id, token, input());
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await annotations()).toBe(before);
  });

  it("refuses the very next request once the member is removed from the workspace", async () => {
    const { token } = await createApiToken(f.colleague, { name: "removed" });
    expect((await post(f.comparison.id, token, input())).status).toBe(201);
    const before = await annotations();

    const membership = await db().membership.findFirstOrThrow({ where: { workspaceId: f.workspace.id, userId: f.colleague.id } });
    await removeMember(f.owner, f.workspace.slug, { membershipId: membership.id });
    const refused = await post(f.comparison.id, token, input());
    expect(refused).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect(await annotations()).toBe(before);
  });

  it("refuses the token of a deleted account", async () => {
    const { token } = await createApiToken(f.viewer, { name: "deleted" });
    await db().user.delete({ where: { id: f.viewer.id } });
    const refused = await post(f.comparison.id, token, input());
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
  });
});
