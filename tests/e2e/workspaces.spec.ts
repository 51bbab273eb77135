import { expect, test } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signOut, signUp, uniqueEmail } from "./helpers";

test("an owner invites a colleague, who joins through the link and then sees the workspace with the role given", async ({ page }) => {
  const email = uniqueEmail("colleague");
  const password = "colleague passphrase";

  await signUp(page, "Colin Colleague", email, password);
  await page.goto("/w/demo-newsroom");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/workspaces");
  await signOut(page);

  await signInDirectly(page, DEMO.email, DEMO.password);
  const invitation = await invite(page, "demo-newsroom", email, "REVIEWER");
  await signOut(page);
  await signInDirectly(page, email, password);
  await acceptInvitation(page, invitation, "Demo newsroom");
  await signOut(page);
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom/members");
  const row = page.getByRole("row", { name: /Colin Colleague/ });
  await expect(row.getByLabel("Role of Colin Colleague")).toHaveValue("REVIEWER");
  await row.getByLabel("Role of Colin Colleague").selectOption("EDITOR");
  await row.getByRole("button", { name: "Change role of Colin Colleague" }).click();
  await expect(row.getByText("Role changed.")).toBeVisible();
  await signOut(page);

  await signInDirectly(page, email, password);
  await page.getByRole("link", { name: /Demo newsroom/ }).click();
  await expect(page.getByText("You are Editor here.")).toBeVisible();
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
});

test("a signed-in user creates a workspace and becomes its owner", async ({ page }) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  const team = page.locator("label", { has: page.getByRole("radio", { name: /^Team/ }) });
  const classKind = page.locator("label", { has: page.getByRole("radio", { name: /^Class/ }) });
  const selectedLook = (label: typeof team) => label.evaluate((el) => getComputedStyle(el).fontWeight);
  expect(await selectedLook(team)).toBe("600");
  await classKind.click();
  expect(await selectedLook(classKind)).toBe("600");
  expect(await selectedLook(team)).not.toBe("600");
  await team.click();
  await page.getByLabel("Workspace name").fill("Night Desk");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/night-desk/);
  await expect(page.getByText("You are Owner here.")).toBeVisible();
  await expect(page.getByText("This workspace has no comparisons yet.")).toBeVisible();
});
