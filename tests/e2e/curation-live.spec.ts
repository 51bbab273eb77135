import { expect, type Browser, type Page } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signUp, test, uniqueEmail } from "./helpers";

/** A new account, invited to the demo newsroom with `role`, signed in on a context of its own. */
async function member(browser: Browser, owner: Page, name: string, role: string) {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "."));
  await signUp(page, name, email, "curation live passphrase");
  await acceptInvitation(page, await invite(owner, "demo-newsroom", email, role), "Demo newsroom");
  return page;
}

test("two editors curate one source at once: a reviewer's new span and each other's verdicts appear without reloading, and a stale verdict is refused", async ({ browser }) => {
  test.setTimeout(300_000);
  const owner = await (await browser.newContext()).newPage();
  await signInDirectly(owner, DEMO.email, DEMO.password);
  const run = Date.now().toString(36);
  const rita = await member(browser, owner, `Rita Live ${run}`, "REVIEWER");
  const eda = await member(browser, owner, `Eda Live ${run}`, "EDITOR");

  await owner.goto("/w/demo-newsroom");
  await owner.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await expect(owner).toHaveURL(/\/c\/[^/]+$/);
  const base = owner.url();

  // The owner's merge view is live.
  await owner.goto(`${base}/curate`);
  await expect(owner.getByText("Live: reviewers' annotations and other editors' verdicts appear here")).toBeVisible();

  // Rita annotates words no other journey curates; the owner's table gets the span without a reload.
  await rita.goto(`${base}/annotate`);
  const text = (await rita.locator(".annotated-text").textContent()) ?? "";
  const words = text.split(/\s+/).slice(44, 47).join(" ");
  await rita.getByLabel("Find words to annotate").fill(words);
  await rita.getByRole("button", { name: "Select", exact: true }).click();
  const form = rita.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText(words);
  await form.getByLabel("Find a tag").fill("Loaded language");
  await form.getByRole("group", { name: "Framing devices" }).getByLabel("Loaded language", { exact: true }).check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(rita.getByText("Annotation saved.")).toBeVisible();
  const ownerRow = owner.getByRole("table").getByRole("row", { name: `“${words}”` });
  await expect(ownerRow).toBeVisible({ timeout: 15_000 });

  // Eda's opens with its live stream cut, so she decides on what she loaded, as a slow or lost
  // connection would leave her.
  await eda.route("**/api/comparisons/*/events", (route) => route.abort());
  await eda.goto(`${base}/curate`);
  const edaRow = eda.getByRole("table").getByRole("row", { name: `“${words}”` });
  await expect(edaRow).toBeVisible();
  await expect(eda.getByText("Live: reviewers' annotations and other editors' verdicts appear here")).toHaveCount(0);

  // The owner accepts; Eda, who has not seen it, rejects: refused, and shown the owner's verdict.
  await ownerRow.getByRole("button", { name: /^Accept / }).first().click();
  await expect(ownerRow).toHaveAttribute("aria-label", /, accepted$/);
  await edaRow.getByRole("button", { name: "Reject" }).click();
  await expect(eda.getByRole("alert").filter({ hasText: "Dana Demo accepted it while you were deciding" })).toBeVisible();
  await expect(edaRow).toHaveAttribute("aria-label", /, accepted$/);

  // Having seen it, she rejects it; the owner's view follows without a reload.
  await edaRow.getByRole("button", { name: "Reject" }).click();
  await expect(edaRow).toHaveAttribute("aria-label", /, rejected$/);
  await expect(ownerRow).toHaveAttribute("aria-label", /, rejected$/, { timeout: 15_000 });
});
