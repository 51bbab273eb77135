import { expect, test } from "@playwright/test";
import { DEMO, keepScreenshot, signInDirectly } from "./helpers";

test.use({ viewport: { width: 1440, height: 1000 } });

test("an editor of a newsroom and a class copies the newsroom's comparison into the class with its annotations as a key", async ({ page }) => {
  test.setTimeout(120_000);
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  await page.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/w\/demo-newsroom\/c\/[^/]+$/);
  await expect(page.getByRole("link", { name: "Copy to workspace" })).toBeVisible();
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const sources = (await page.locator(".meta-list li").filter({ hasText: / sources$/ }).textContent())!;
  await page.getByRole("link", { name: "Copy to workspace" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Copy ${title} to another workspace`);

  // Only the other workspaces the editor edits are offered: here the demo class.
  const target = page.getByLabel("Workspace to copy into");
  await expect(target.getByRole("option")).toHaveText(["Demo class (class)"]);
  await page.getByRole("radio", { name: /as the key of a new assignment/ }).check();
  await keepScreenshot(page, "copy-form", { fullPage: true });
  await page.getByRole("button", { name: "Copy" }).click();

  // The copy opens in the class, says where it came from, and has the same sources.
  await expect(page.getByText(`Copied from Demo newsroom › ${title}`)).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/w\/demo-class[^/]*\/c\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".meta-list li").filter({ hasText: / sources$/ })).toHaveText(sources);
  await keepScreenshot(page, "copy-in-class", { fullPage: true });

  // The class gets a new assignment over it, whose key is the copied annotations.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Demo class" }).click();
  await expect(page.getByRole("table", { name: "Assignments of Demo class" }).getByRole("row").filter({ hasText: title })).toHaveCount(2);
});
