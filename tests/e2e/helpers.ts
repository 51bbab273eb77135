import { expect, test as base, type Locator, type Page } from "@playwright/test";

/**
 * Playwright's `test`, which at the end of a passing test closes every browser context the test
 * opened itself (`browser.newContext()`). The browser lives as long as the worker, through every
 * journey, so a context left open keeps its pages, their live streams and their timers running
 * while later journeys run. A failed test keeps them for Playwright's screenshots.
 */
export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use, testInfo) => {
      const before = new Set(browser.contexts());
      await use();
      if (testInfo.status !== testInfo.expectedStatus) return;
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});

export const DEMO = { email: "demo@parallax.example", password: "parallax-demo-2026", name: "Dana Demo" };

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

export async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await attemptSignIn(page, email, password);
  await expect(page).toHaveURL(/\/workspaces$/);
}

/**
 * Signs in as the form does, without opening it: next-auth's CSRF token, then its credentials
 * callback, whose session cookie lands in the page's browser context; then opens the
 * workspaces page, as the form would. For journeys about something else: the form itself is
 * exercised by signIn, in accounts.spec.ts and security.spec.ts.
 */
export async function signInDirectly(page: Page, email: string, password: string) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(signedIn.ok(), `signing in as ${email}`).toBe(true);
  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/workspaces$/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
}

/**
 * An owner, signed in on `owner`, invites `email` to a workspace; returns the path of the
 * invitation link shown to copy (it works once, for whoever opens it).
 */
export async function invite(owner: Page, workspaceSlug: string, email: string, role: string): Promise<string> {
  await owner.goto(`/w/${workspaceSlug}/members`);
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(owner.getByText(`Invitation made. Send ${email} this link`)).toBeVisible();
  const link = owner.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/invite\//);
  return new URL(await link.inputValue(), owner.url()).pathname;
}

/** Someone signed in on `page` opens an invitation link and joins the workspace. */
export async function acceptInvitation(page: Page, invitationPath: string, workspaceName: string) {
  await page.goto(invitationPath);
  await page.getByRole("button", { name: `Join ${workspaceName}` }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
}

/** Creates an account through the sign-up form; the new user lands signed in on their workspaces. */
export async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
}

/**
 * On a comparison's sources page, pastes an article and submits it, choosing the outlet by name
 * when the workspace has it already and creating it otherwise (other journeys may have added it).
 */
export async function pasteSource(page: Page, source: { text: string; title: string; outlet: string }) {
  await page.getByLabel("Article text").fill(source.text);
  await page.getByLabel("Title", { exact: true }).fill(source.title);
  const outlet = page.getByLabel("Outlet", { exact: true });
  const outlets = (await outlet.locator("option").allTextContents()).map((label) => label.trim());
  if (outlets.includes(source.outlet)) await outlet.selectOption({ label: source.outlet });
  else {
    await outlet.selectOption({ label: "New outlet…" });
    await page.getByLabel("New outlet's name").fill(source.outlet);
  }
  await page.getByRole("button", { name: "Add source" }).click();
}

/**
 * Saves a screenshot of a page (or of one element, once it is visible) into the test's output
 * folder for a person to look at, only when PARALLAX_JOURNEY_SCREENSHOTS is set: no test asserts
 * on them, and every run paid for about 50 (a full page took 0.4-0.8 s on two busy cores, the
 * demo report's 3 s; bench/RESULTS.md, test-speed2). A failed test keeps its own screenshot.
 */
export async function keepScreenshot(target: Page | Locator, name: string, { fullPage = false } = {}) {
  const isPage = "goto" in target;
  if (!isPage) await expect(target).toBeVisible();
  if (!process.env.PARALLAX_JOURNEY_SCREENSHOTS) return;
  const path = test.info().outputPath(`${name}.png`);
  await (isPage ? target.screenshot({ path, fullPage }) : target.screenshot({ path }));
}
