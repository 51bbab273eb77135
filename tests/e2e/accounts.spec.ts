import { expect } from "@playwright/test";
import { attemptSignIn, DEMO, invite, keepScreenshot, signIn, signOut, test, uniqueEmail } from "./helpers";

test("a newcomer signs up, signs out, signs in as the demo editor, opens the demo comparison and signs out", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  const password = "a long enough passphrase";

  await page.goto("/");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Nadia Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByText("Signed in as")).toContainText("Nadia Newcomer");
  await expect(page.getByText("You are not in any workspace yet")).toBeVisible();
  await signOut(page);

  await signIn(page, email, password);
  const newPassword = "another long passphrase";
  await page.goto("/profile");
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await keepScreenshot(page, "change-password", { fullPage: true });
  // The form signs this browser in again with the new password; the other sessions end.
  const signedInAgain = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  expect((await signedInAgain).ok()).toBe(true);
  await expect(page.getByLabel("Current password")).toHaveValue("");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await signOut(page);
  await attemptSignIn(page, email, password);
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, email, newPassword);
  await signOut(page);

  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole("heading", { name: "Workspaces" })).toBeVisible();
  await page.getByRole("list", { name: "Your workspaces" }).getByRole("link", { name: /Demo newsroom/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demo newsroom");
  const comparisonLink = page.getByRole("list", { name: "Comparisons" }).getByRole("link").first();
  const title = (await comparisonLink.getByRole("heading").textContent()) ?? "";
  await comparisonLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("article")).toHaveCount(4);
  await expect(page.getByRole("article").first().getByLabel(/^Text of /)).not.toBeEmpty();
  await page.getByRole("link", { name: "Sources", exact: true }).click();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(5);
  await signOut(page);

  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkspaces/);
});

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await attemptSignIn(page, DEMO.email, "not the demo password");
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-up explains what to fix: weak password, taken email", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters for your password.").first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Short Password");

  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/already exists/).first()).toBeVisible();
});

test("the sign-in form works from the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(DEMO.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workspaces$/);
});

test("signing out ends the session on the server: a copy of its cookie is refused afterwards", async ({ browser, page, context }) => {
  await signIn(page, DEMO.email, DEMO.password);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();

  // Someone who copied the cookie (a shared computer, a stolen backup) uses it elsewhere.
  const thief = await browser.newContext();
  await thief.addCookies([cookie!]);
  const stolen = await thief.newPage();
  await stolen.goto("/workspaces");
  await expect(stolen.getByRole("heading", { name: "Workspaces" })).toBeVisible();
  expect((await thief.request.get("/api/workspaces/demo-newsroom/comparisons")).status()).toBe(200);

  await signOut(page);
  await stolen.goto("/workspaces");
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkspaces/);
  expect((await thief.request.get("/api/workspaces/demo-newsroom/comparisons")).status()).toBe(401);
  await thief.close();
});

test("an invitation link: the invitee signs up on it, then joins; the link works once, and a withdrawn one not at all", async ({ browser, page }) => {
  const email = uniqueEmail("invitee");
  const password = "invitee passphrase";
  await signIn(page, DEMO.email, DEMO.password);
  const link = await invite(page, "demo-newsroom", email, "REVIEWER");
  await keepScreenshot(page, "invitation-link", { fullPage: true });
  await expect(page.getByRole("region", { name: "Pending invitations" })).toContainText(`${email}, as Reviewer`);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Demo newsroom" })).toBeVisible();
  await expect(invitee.getByText(`Dana Demo invited ${email} to join Demo newsroom as reviewer.`)).toBeVisible();
  await invitee.getByLabel("Name").fill("Ines Ortega");
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: "Create account" }).click();
  // Signed up and in, back on the link: joining is one more, deliberate click.
  await expect(invitee.getByText(`You are signed in as Ines Ortega (${email}).`)).toBeVisible();
  await invitee.getByRole("button", { name: "Join Demo newsroom" }).click();
  await expect(invitee).toHaveURL(/\/w\/demo-newsroom$/);
  await expect(invitee.getByText("You are Reviewer here.")).toBeVisible();

  const latecomer = await (await browser.newContext()).newPage();
  await latecomer.goto(link);
  await expect(latecomer.getByText("This invitation link has been used already")).toHaveAttribute("role", "alert");
  await expect(latecomer.getByText("Demo newsroom")).toHaveCount(0);

  const withdrawnEmail = uniqueEmail("withdrawn");
  const withdrawn = await invite(page, "demo-newsroom", withdrawnEmail, "VIEWER");
  await page.reload();
  await page.getByRole("button", { name: `Withdraw the invitation of ${withdrawnEmail}` }).click();
  await expect(page.getByText(withdrawnEmail)).toHaveCount(0);
  await latecomer.goto(withdrawn);
  await expect(latecomer.getByText("This invitation was withdrawn")).toHaveAttribute("role", "alert");
  await latecomer.goto("/invite/not-a-real-invitation-token");
  await expect(latecomer.getByText("This invitation link is not valid")).toHaveAttribute("role", "alert");
});
