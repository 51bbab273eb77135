import { expect, test } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signOut, signUp, uniqueEmail } from "./helpers";

type Annotation = { sourceId: string; revision: number; target: { start: number; end: number }; anchor: { status: string }; tags: { id: string; name: string }[] };

test("the agreement page shows αU beside token α with its explanation, and what changed after a disagreement is settled", async ({ page }) => {
  const email = uniqueEmail("second-reviewer");
  const password = "second reviewer passphrase";
  await signUp(page, "Sam Second", email, password);
  await signOut(page);

  await signInDirectly(page, DEMO.email, DEMO.password);
  const invitation = await invite(page, "demo-newsroom", email, "REVIEWER");
  await signOut(page);

  // The second reviewer repeats two of the demo annotations on the source whose lead the demo
  // tagged as a framing device (through the JSON API).
  await signInDirectly(page, email, password);
  await acceptInvitation(page, invitation, "Demo newsroom");
  const comparisons = (await (await page.request.get("/api/workspaces/demo-newsroom/comparisons")).json()) as { comparisons: { id: string; slug: string }[] };
  const demo = comparisons.comparisons.find((c) => c.slug === "marrowick-barrier-flood")!;
  const listed = (await (await page.request.get(`/api/comparisons/${demo.id}/annotations?limit=100`)).json()) as { annotations: Annotation[] };
  const exact = listed.annotations.filter((a) => a.anchor.status === "EXACT");
  const source = exact.find((a) => a.tags.some((t) => t.name === "Headline/lead emphasis"))!.sourceId;
  for (const model of exact.filter((a) => a.sourceId === source).slice(0, 2)) {
    const created = await page.request.post(`/api/comparisons/${demo.id}/annotations`, {
      data: { sourceId: model.sourceId, revisionNumber: model.revision, start: model.target.start, end: model.target.end, tagIds: model.tags.map((t) => t.id) },
    });
    expect(created.status()).toBe(201);
  }
  await signOut(page);

  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom/c/marrowick-barrier-flood/agreement");
  const section = page.getByRole("region", { name: "Agreement on words and on spans" });
  await expect(section).toBeVisible();
  await expect(section.getByText("Why raw agreement can be high while α is near 0.")).toBeVisible();
  await expect(section.getByText("Why a value can be “not measurable”.")).toBeVisible();
  const devices = section.getByRole("table", { name: /Framing devices: αU over \d+ sources? every reviewer annotated/ });
  await expect(devices.getByRole("columnheader", { name: "αU (spans)" })).toBeVisible();
  await expect(devices.getByRole("columnheader", { name: "α (words)" })).toBeVisible();
  // A value, or "not measurable" when other journeys' reviewers left no source that every reviewer annotated.
  await expect(devices.getByRole("row", { name: /All tags of the set/ }).getByRole("cell").last()).toHaveText(/^(-?\d\.\d{3}|— not measurable)$/);

  // An editor settles a disagreement: the page says what changed.
  await page.getByRole("button", { name: "Mark resolved" }).first().click();
  const changes = page.getByRole("region", { name: "What changed" });
  await expect(changes).toBeVisible();
  await expect(changes.getByText(/Dana Demo settled a disagreement in .+ \(marked it resolved\)\./)).toBeVisible();
  await expect(changes.getByText(/open disagreements was (\d+), now (\d+)\./)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "What changed" }).getByText(/open disagreements was/)).toBeVisible();
});
