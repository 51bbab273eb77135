import { expect, test, type Locator, type Page } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signOut, signUp, uniqueEmail } from "./helpers";

/** From the workspace list to the demo comparison's Taxonomy tab, the way a user gets there. */
async function openDemoTaxonomy(page: Page) {
  await page.getByRole("link", { name: /Demo newsroom/ }).click();
  await page.getByRole("link", { name: /Marrowick tidal barrier/ }).click();
  await page.getByRole("navigation", { name: "Comparison" }).getByRole("link", { name: "Taxonomy", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/demo-newsroom\/c\/[^/]+\/taxonomy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Taxonomy" })).toBeVisible();
}

/** A tag's row in a set, found by its name. */
function tagItem(set: Locator, name: string): Locator {
  return set.getByRole("listitem").filter({ has: set.page().getByRole("heading", { level: 3, name, exact: true }) });
}

test("an editor adds, renames, recolours, retires, restores and merges tags", async ({ page }) => {
  // Names are unique per run, so the journey also passes on a data folder that kept an earlier run.
  const run = Date.now().toString(36);
  const hedging = `Hedging ${run}`;
  const hedged = `Hedged claims ${run}`;
  const vague = `Vague sourcing ${run}`;

  await signInDirectly(page, DEMO.email, DEMO.password);
  await openDemoTaxonomy(page);
  for (const name of ["Framing devices", "Frame dimensions", "Persuasion techniques"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  const framing = page.getByRole("region", { name: "Framing devices" });
  const loaded = tagItem(framing, "Loaded language");
  await expect(loaded).toContainText("A word chosen for its emotional charge");
  await expect(loaded).toContainText(/\d+ annotations?|No annotations/);

  // Add: a duplicate name and a dark colour are refused with messages beside the fields.
  await framing.getByText("Add a tag to Framing devices").click();
  const add = framing.getByRole("form", { name: "Add a tag to Framing devices" });
  await add.getByLabel("Name").fill("loaded LANGUAGE");
  await add.getByRole("button", { name: "Add tag" }).click();
  await expect(add.getByRole("alert")).toHaveText("This tag set already has a tag named “Loaded language”. Choose another name, or merge the two tags.");
  await expect(add.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await add.getByLabel("Name").fill(hedging);
  await add.getByLabel("Colour", { exact: true }).fill("#444444");
  await expect(add.getByText(/Too dark: black text on it has a contrast of/)).toBeVisible();
  await add.getByRole("button", { name: "Add tag" }).click();
  await expect(add.getByRole("alert")).toContainText("Choose a lighter colour: black text on #444444");
  await expect(add.getByLabel("Name")).toHaveValue(hedging);
  await add.getByLabel("Colour", { exact: true }).fill("#d9f2e6");
  await add.getByLabel("Coding guideline (optional)").fill("Claims softened with may, could or reportedly.");
  await add.getByRole("button", { name: "Add tag" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added “${hedging}”.`);
  await expect(add.getByLabel("Name")).toHaveValue("");
  await expect(add.getByLabel("Colour", { exact: true })).toHaveValue(/^#[0-9a-f]{6}$/);
  await expect(add.getByLabel("Colour", { exact: true })).not.toHaveValue("#d9f2e6");
  const added = tagItem(framing, hedging);
  await expect(added).toContainText("Claims softened with may, could or reportedly.");
  await expect(added).toContainText("No annotations");
  await expect(added.getByRole("heading")).toHaveCSS("background-color", "rgb(217, 242, 230)");

  // Rename, describe and recolour in the tag's own form.
  await added.getByRole("button", { name: `Edit ${hedging}` }).click();
  const edit = framing.getByRole("form", { name: `Edit “${hedging}”` });
  await expect(edit.getByLabel("Name")).toBeFocused();
  await edit.getByLabel("Name").fill(hedged);
  await edit.getByLabel("Coding guideline (optional)").fill("A claim hedged so that it cannot be checked.");
  await edit.getByLabel("Colour picker").fill("#ffe8cc");
  await expect(edit.getByLabel("Colour", { exact: true })).toHaveValue("#ffe8cc");
  await edit.getByRole("button", { name: "Save changes" }).click();
  const renamed = tagItem(framing, hedged);
  await expect(renamed.getByRole("status")).toHaveText(`Saved “${hedged}”.`);
  await expect(renamed.getByRole("button", { name: `Edit ${hedged}` })).toBeFocused();
  await expect(renamed).toContainText("A claim hedged so that it cannot be checked.");
  await expect(renamed.getByRole("heading")).toHaveCSS("background-color", "rgb(255, 232, 204)");
  await expect(tagItem(framing, hedging)).toHaveCount(0);

  // Retire, then restore: the tag stays listed, marked as retired, and cannot be merged into.
  await renamed.getByRole("button", { name: `Retire ${hedged}` }).click();
  await expect(renamed.getByRole("status")).toContainText(`Retired “${hedged}”. Annotations keep it`);
  await expect(renamed.getByText(/^Retired \d+ \w+ \d{4}$/)).toBeVisible();
  await loaded.getByRole("button", { name: "Merge into… (Loaded language)" }).click();
  await expect(loaded.getByLabel("Merge into").locator("option", { hasText: hedged })).toHaveCount(0);
  await loaded.getByRole("button", { name: "Cancel" }).click();
  await renamed.getByRole("button", { name: `Restore ${hedged}` }).click();
  await expect(renamed.getByRole("status")).toHaveText(`Restored “${hedged}”; it is offered for new annotations again.`);
  await expect(renamed.getByText("Active", { exact: true })).toBeVisible();

  // Merge it into a second new tag, after a confirmation that says what will happen.
  await add.getByLabel("Name").fill(vague);
  await add.getByRole("button", { name: "Add tag" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added “${vague}”.`);
  await renamed.getByRole("button", { name: `Merge into… (${hedged})` }).click();
  const merge = framing.getByRole("form", { name: `Merge “${hedged}” into another tag` });
  await merge.getByRole("button", { name: "Continue" }).click();
  await expect(merge.getByText("Choose the tag to merge into.")).toBeVisible();
  await merge.getByLabel("Merge into").selectOption({ label: vague });
  await merge.getByRole("button", { name: "Continue" }).click();
  await expect(merge.getByText(`Merge “${hedged}” into “${vague}”? No annotation has “${hedged}” yet.`)).toBeFocused();
  await expect(merge).toContainText("A merge cannot be undone.");
  await merge.getByRole("button", { name: `Merge into “${vague}”` }).click();
  await expect(merge).toHaveCount(0);
  await expect(renamed.getByRole("status")).toHaveText(`Merged “${hedged}” into “${vague}”: 0 annotations moved.`);
  await expect(renamed.getByText(`Merged into “${vague}”`)).toBeVisible();
  await expect(renamed.getByRole("button")).toHaveCount(0);

  // Leave the demo taxonomy as other journeys expect it: no extra active tags.
  const second = tagItem(framing, vague);
  await second.getByRole("button", { name: `Retire ${vague}` }).click();
  await expect(second.getByRole("status")).toContainText(`Retired “${vague}”.`);
});

test("a viewer reads the taxonomy as coding guidelines, without the editing controls", async ({ page }) => {
  const email = uniqueEmail("reader");
  const password = "viewer passphrase";
  await signUp(page, "Vera Viewer", email, password);
  await signOut(page);

  await signInDirectly(page, DEMO.email, DEMO.password);
  const invitation = await invite(page, "demo-newsroom", email, "VIEWER");
  await signOut(page);

  await signInDirectly(page, email, password);
  await acceptInvitation(page, invitation, "Demo newsroom");
  await page.goto("/workspaces");
  await openDemoTaxonomy(page);
  await expect(page.getByText("You can read the taxonomy; the workspace’s owners and editors change it.")).toBeVisible();
  const persuasion = page.getByRole("region", { name: "Persuasion techniques" });
  await expect(persuasion.getByRole("heading", { level: 3 }).first()).toHaveText("Name calling/labeling");
  await expect(tagItem(persuasion, "Whataboutism")).toContainText("Active");
  await expect(page.getByRole("main").getByRole("button", { name: /^(Edit|Retire|Restore|Merge into)/ })).toHaveCount(0);
  await expect(page.getByText(/Add a tag to/)).toHaveCount(0);
});
