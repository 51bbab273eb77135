import { expect, type Browser, type Page } from "@playwright/test";
import { acceptInvitation, invite, signUp, test, uniqueEmail } from "./helpers";

const PASSWORD = "relations passphrase";

// Two short invented articles about one invented event, one outlet each.
const HARBOUR = "The harbour authority said the flood gate failed because of sabotage by unnamed workers. Residents were told to stay indoors.";
const PORT = "Engineers at the port said the gate jammed after years of missing maintenance. Nobody was hurt when the water rose.";
const CLAIM = "failed because of sabotage";
const ANSWER = "years of missing maintenance";
const EVIDENCE = "told to stay indoors";

async function signUpIn(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "."));
  await signUp(page, name, email, PASSWORD);
  return { page, email };
}

async function addSource(page: Page, title: string, outlet: string, text: string) {
  await page.getByLabel("Article text").fill(text);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Outlet", { exact: true }).selectOption({ label: "New outlet…" });
  await page.getByLabel("New outlet's name").fill(outlet);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("Source added.")).toBeVisible();
}

async function annotate(page: Page, words: string, tag: string, { claim = false } = {}) {
  await page.getByLabel("Find words to annotate").fill(words);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText(words);
  await form.getByLabel("Find a tag").fill(tag);
  await form.getByRole("group", { name: "Framing devices" }).getByLabel(tag, { exact: true }).check();
  if (claim) await form.getByLabel("This is a claim").check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved.")).toBeVisible();
}

/** An annotation's card, by its own quote (a linked card quotes it too, in its list of links). */
function card(page: Page, words: string) {
  return page.locator(".annotation-card").filter({ has: page.locator(".annotation-card__quote", { hasText: `“${words}”` }) });
}

async function openCard(page: Page, words: string) {
  const quote = card(page, words).locator(".annotation-card__quote");
  if ((await quote.getAttribute("aria-pressed")) !== "true") await quote.click();
  return card(page, words);
}

test("a relation across two outlets is listed on both cards, live, retyped and turned around by its author, in the report and in the exports; a permalink opens for members only", async ({ browser }) => {
  test.setTimeout(300_000);
  const owner = await signUpIn(browser, "Olga Owner");
  await owner.page.getByLabel("Workspace name").fill("Relations desk");
  await owner.page.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner.page).toHaveURL(/\/w\/relations-desk[\w-]*$/);
  const workspace = new URL(owner.page.url()).pathname.split("/")[2]!;
  await owner.page.getByLabel("Title").fill("Flood gate");
  await owner.page.getByRole("button", { name: "Create comparison" }).click();
  await expect(owner.page).toHaveURL(/\/c\/flood-gate\/sources$/);
  await addSource(owner.page, "Gate sabotaged", "Harbour Herald", HARBOUR);
  await addSource(owner.page, "Gate jammed", "Port Post", PORT);
  const base = `/w/${workspace}/c/flood-gate`;

  const rita = await signUpIn(browser, "Rita Reviewer");
  await acceptInvitation(rita.page, await invite(owner.page, workspace, rita.email, "REVIEWER"), "Relations desk");

  await owner.page.goto(`${base}/annotate`);
  await annotate(owner.page, CLAIM, "Loaded language", { claim: true });
  await owner.page.getByRole("button", { name: "Port Post" }).click();
  await expect(owner.page.getByLabel("Text of Port Post")).toContainText(ANSWER);
  await annotate(owner.page, ANSWER, "Euphemism");

  await rita.page.goto(`${base}/annotate`);
  await rita.page.getByRole("button", { name: "Port Post" }).click();
  await expect(rita.page.getByText("Live: others' changes appear here")).toBeVisible();
  await expect(card(rita.page, ANSWER)).toBeVisible();

  // Link from the Port Post annotation to the Harbour Herald claim, with the keyboard-reachable selects.
  const answer = await openCard(owner.page, ANSWER);
  await answer.getByRole("button", { name: "Link to…" }).click();
  const linkForm = answer.getByRole("form", { name: "Link this annotation to another" });
  await linkForm.getByLabel("Relation").selectOption({ label: "contradicts" });
  await linkForm.getByLabel(/^In source/).selectOption({ label: "Harbour Herald" });
  await linkForm.getByLabel("Target annotation").selectOption({ label: `“${CLAIM}” (Loaded language; Olga Owner)` });
  await linkForm.getByRole("button", { name: "Create link" }).click();
  await expect(owner.page.getByText("Linked: contradicts.")).toBeVisible();
  const links = answer.getByRole("list", { name: "Links" });
  await expect(links).toContainText(`contradicts “${CLAIM}” in Harbour Herald`);

  // The co-reviewer sees it without reloading.
  await expect(card(rita.page, ANSWER).getByRole("list", { name: "Links" })).toContainText(`contradicts “${CLAIM}”`, { timeout: 10_000 });

  // Its author changes its type and turns it around in the side panel; the co-reviewer sees each change live.
  await links.getByLabel("Type of this link").selectOption({ label: "same as" });
  await expect(owner.page.getByText("Link changed: same as.")).toBeVisible();
  await expect(card(rita.page, ANSWER).getByRole("list", { name: "Links" })).toContainText(`same as “${CLAIM}”`, { timeout: 10_000 });
  await links.getByRole("button", { name: "Swap direction" }).click();
  await expect(owner.page.getByText("Link turned around: same as.")).toBeVisible();
  await expect(links).toContainText(`← same as “${CLAIM}” in Harbour Herald (links here)`);
  await expect(card(rita.page, ANSWER).getByRole("list", { name: "Links" })).toContainText(`← same as “${CLAIM}”`, { timeout: 10_000 });
  // Back as it was, for the steps below: from the answer, contradicting the claim.
  await links.getByRole("button", { name: "Swap direction" }).click();
  await expect(links).toContainText(`same as “${CLAIM}” in Harbour Herald`);
  await expect(links).not.toContainText("←");
  await links.getByLabel("Type of this link").selectOption({ label: "contradicts" });
  await expect(links).toContainText(`contradicts “${CLAIM}” in Harbour Herald`);

  // Following the link opens the other source at the claim, which lists it too.
  await links.getByRole("button", { name: `“${CLAIM}”` }).click();
  await expect(owner.page.getByRole("heading", { name: "Gate sabotaged" })).toBeVisible();
  const claim = card(owner.page, CLAIM);
  await expect(claim).toHaveClass(/annotation-card--selected/);
  await expect(claim.getByRole("list", { name: "Links" })).toContainText(`← contradicts “${ANSWER}” in Port Post (links here)`);

  // A link within one source is also drawn as an arc over the text while the claim is selected.
  await annotate(owner.page, EVIDENCE, "Euphemism");
  const selected = await openCard(owner.page, CLAIM);
  await selected.getByRole("button", { name: "Link to…" }).click();
  const evidenceForm = selected.getByRole("form", { name: "Link this annotation to another" });
  await evidenceForm.getByLabel("Relation").selectOption({ label: "has evidence" });
  await evidenceForm.getByLabel("Target annotation").selectOption({ label: `“${EVIDENCE}” (Euphemism; Olga Owner)` });
  await evidenceForm.getByRole("button", { name: "Create link" }).click();
  await expect(selected.getByRole("list", { name: "Links" })).toContainText(`has evidence “${EVIDENCE}” in Harbour Herald`);
  await expect(owner.page.locator("svg.relation-arcs path.relation-arc")).toHaveCount(1);
  await expect(owner.page.locator("svg.relation-arcs text")).toHaveText("has evidence");

  // The report counts the claim as contradicted across outlets, and as having evidence.
  await owner.page.goto(`${base}/report`);
  const figures = owner.page.getByRole("region", { name: "Claims and their links" });
  await expect(figures).toContainText("1 of 1 claim with evidence");
  await expect(figures.getByRole("list", { name: "Claims contradicted across outlets" })).toContainText(`“${CLAIM}” (Harbour Herald) contradicted by Port Post`);

  // Both exports carry it.
  const csv = await (await owner.page.request.get((await owner.page.getByRole("link", { name: "CSV" }).getAttribute("href"))!)).text();
  expect(csv).toContain("links_to,linked_from");
  expect(csv).toMatch(/contradicts: [\w-]+/);
  const jsonld = (await (await owner.page.request.get((await owner.page.getByRole("link", { name: "JSON-LD" }).getAttribute("href"))!)).json()) as {
    first: { items: { motivation: string; target: unknown; body: { value: string } }[] };
  };
  const linking = jsonld.first.items.filter((item) => item.motivation === "linking");
  expect(linking.map((item) => item.body.value)).toEqual(["contradicts", "has evidence"]);
  expect(linking[0]!.target).toEqual([expect.stringMatching(/\/annotations\//), expect.stringMatching(/\/annotations\//)]);

  // Editors keep the comparison's relation types on the taxonomy tab; a new one is offered at once.
  await owner.page.goto(`${base}/taxonomy`);
  const types = owner.page.getByRole("region", { name: "Relation types" });
  await types.getByLabel("New relation type").fill("paraphrases");
  await types.getByRole("button", { name: "Add relation type" }).click();
  await expect(types.getByText("Added the relation type “paraphrases”.")).toBeVisible();
  await expect(types.getByRole("list", { name: "Relation types" })).toContainText("paraphrases");

  // A permalink, from the claim's card, opens it for another member: its source, scrolled to it, outlined.
  await owner.page.goto(`${base}/annotate`);
  await (await openCard(owner.page, CLAIM)).getByRole("button", { name: "Link to…" }).click();
  await expect(card(owner.page, CLAIM).getByLabel("Relation").getByRole("option", { name: "paraphrases" })).toHaveCount(1);
  await card(owner.page, CLAIM).getByRole("button", { name: "Cancel" }).click();
  const permalink = await card(owner.page, CLAIM).getByRole("link", { name: "Permalink to this annotation" }).getAttribute("href");
  expect(permalink).toMatch(/\/annotate\?annotation=/);
  await rita.page.goto(permalink!);
  await expect(rita.page.getByRole("heading", { name: "Gate sabotaged" })).toBeVisible();
  await expect(card(rita.page, CLAIM)).toHaveClass(/annotation-card--selected/);
  await expect(rita.page.locator(".annotated-text mark.hl--active")).toHaveText(CLAIM);
  await expect(card(rita.page, CLAIM)).toBeInViewport();

  // A stranger learns nothing.
  const stranger = await signUpIn(browser, "Sam Stranger");
  await stranger.page.goto(permalink!);
  await expect(stranger.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(stranger.page.getByText(CLAIM)).toHaveCount(0);

  // Once its author deletes it, the member is told so, and not what it said.
  owner.page.on("dialog", (dialog) => void dialog.accept());
  await (await openCard(owner.page, CLAIM)).getByRole("button", { name: "Delete" }).click();
  await expect(card(owner.page, CLAIM)).toHaveCount(0);
  await expect(card(owner.page, EVIDENCE).getByRole("list", { name: "Links" })).toHaveCount(0);
  await rita.page.goto(permalink!);
  await expect(rita.page.getByText("The annotation this link points to was deleted by its author.")).toBeVisible();
  await expect(rita.page.locator(".annotation-card__quote", { hasText: CLAIM })).toHaveCount(0);
});
