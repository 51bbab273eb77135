import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInDirectly } from "./helpers";

// A demo annotation (prisma/demo/manifest.json): on the Harbor Ledger's lead, tagged Economic,
// with a comment about the homes the article leaves out.
const LEAD = "Marrowick's container terminals were handling ships again by late morning on Tuesday";

/** The demo's own annotation of the lead among the results (other journeys may copy its span and tags). */
const demoLead = (page: Page) => page.getByRole("listitem").filter({ hasText: "flooded homes never appears" }).getByRole("link", { name: `“${LEAD}”` });

test("search finds an annotation by words of its comment, narrows by its tag, and opens it in the annotate view", async ({ page }) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/w\/demo-newsroom\/search$/);
  await expect(page.getByRole("heading", { name: "Search annotations" })).toBeVisible();

  // By the comment's words, stemmed ("home" finds "homes"), submitted from the keyboard.
  const form = page.getByRole("search", { name: "Search annotations" });
  const words = form.getByLabel("Words");
  await words.fill("flooded home");
  await words.press("Enter");
  await expect(page).toHaveURL(/[?&]q=flooded\+home/);
  await expect(page.getByRole("status").filter({ hasText: /found/ })).toBeVisible();
  const result = demoLead(page);
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/c\/marrowick-barrier-flood\/annotate\?source=[^&]+&annotation=[^&]+$/);

  // Narrowed by its tag. The words stay: other journeys add tagged annotations to the demo
  // newsroom, so the tag alone may list the demo's lead past the first page.
  // Back is a client-side navigation: the annotate view may still be shown when it returns,
  // so the form is found by its own landmark.
  await page.goBack();
  await expect(page).toHaveURL(/\/w\/demo-newsroom\/search\?/);
  await expect(words).toHaveValue("flooded home");
  await form.getByLabel("Tag").selectOption("Economic");
  await form.getByRole("button", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(/[?&]tag=Economic/);
  const byTag = demoLead(page);
  await expect(byTag).toBeVisible();
  const href = await byTag.getAttribute("href");
  await byTag.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[?.*+^$()|[\]\\]/g, "\\$&")}$`));
});
