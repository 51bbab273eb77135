import { expect, type Browser } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signUp, test, uniqueEmail } from "./helpers";

async function signUpIn(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "."));
  await signUp(page, name, email, "queue passphrase");
  return { page, email };
}

test("a reviewer marks sources done and moves to the next; the editor's progress table follows live", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await (await browser.newContext()).newPage();
  await signInDirectly(owner, DEMO.email, DEMO.password);
  const reviewerName = `Quinn Queue ${Date.now()}`;
  const quinn = await signUpIn(browser, reviewerName);
  await acceptInvitation(quinn.page, await invite(owner, "demo-newsroom", quinn.email, "REVIEWER"), "Demo newsroom");

  await owner.goto("/w/demo-newsroom");
  await owner.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await expect(owner).toHaveURL(/\/c\/[^/]+$/);
  const base = owner.url();
  const progress = owner.getByRole("region", { name: "Reviewers' progress" });
  const quinnRow = progress.getByRole("row").filter({ hasText: reviewerName });
  await expect(quinnRow).toContainText("0 of");
  await expect(quinnRow).toContainText("Not started");

  const page = quinn.page;
  await page.goto(`${base}/annotate`);
  const sources = page.getByRole("group", { name: "Source" }).getByRole("button");
  const queue = page.getByRole("group", { name: "Work queue" });
  await expect(sources.first()).toHaveAttribute("aria-pressed", "true");
  await expect(queue.getByRole("status")).toContainText("0 of");

  await queue.getByRole("button", { name: "Mark done" }).click();
  await expect(queue.getByRole("button", { name: "Done ✓ (undo)" })).toHaveAttribute("aria-pressed", "true");
  await expect(queue.getByRole("status")).toContainText("1 of");
  await expect(quinnRow).toContainText("1 of");
  await expect(quinnRow.getByRole("cell").first()).toHaveText("Done · 0 annotations");

  // Next skips what is done and lands on the second column; the first stays done on return.
  await queue.getByRole("button", { name: "Next source" }).click();
  await expect(sources.nth(1)).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/\?source=/);
  await expect(queue.getByRole("button", { name: "Mark done" })).toBeVisible();

  // The mark is stored: after a reload the first source is still done, and undoing it works.
  await page.reload();
  await sources.first().click();
  await queue.getByRole("button", { name: "Done ✓ (undo)" }).click();
  await expect(queue.getByRole("button", { name: "Mark done" })).toHaveAttribute("aria-pressed", "false");
  await expect(queue.getByRole("status")).toContainText("0 of");
  await expect(quinnRow).toContainText("0 of");

  // A reviewer sees only their own row on the comparison page.
  await page.goto(base);
  const own = page.getByRole("region", { name: "Your progress" });
  await expect(own.getByRole("row")).toHaveCount(2);
  await expect(own).toContainText(reviewerName);
});
