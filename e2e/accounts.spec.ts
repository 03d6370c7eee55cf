import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Role } from "@/lib/db/generated/enums";
import { demoAccountEmail } from "@/lib/demo/demo-account-email";
import { E2E_DEMO_PASSWORD } from "./demo-password";
import { DEMO_PROJECT_PATH, expect, signIn, test } from "./fixtures";

test("a visitor without a session is sent to sign-in, and a wrong password is refused", async ({ page }) => {
  await page.goto(DEMO_PROJECT_PATH);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(demoAccountEmail("engineer"));
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Wrong email or password");
  await expect(page).toHaveURL(/\/sign-in/);
});

const adminOnly = ["/admin/users", "/admin/audit"];

for (const role of ["admin", "engineer", "tester", "stakeholder"] as Role[]) {
  test(`${role} signs in and sees only what the role allows`, async ({ page, signInAs }) => {
    await signInAs(role);
    const account = page.getByRole("navigation", { name: "Account" });
    await expect(account).toContainText(role);
    await expect(account.getByRole("link", { name: "Users" })).toHaveCount(role === "admin" ? 1 : 0);
    for (const path of adminOnly) {
      await page.goto(path);
      if (role === "admin") await expect(page.getByRole("heading", { level: 1 })).not.toContainText("don't have access");
      else await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    }
  });
}

test("a stakeholder cannot reach the pattern editor by typing its URL", async ({ page, signInAs }) => {
  await signInAs("stakeholder");
  await page.goto(`/projects/review-sentiment/patterns/new?problem=SENT-1`);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.locator("form")).toHaveCount(0);
});

test("an admin invites a tester, who joins through the link with that role", async ({ page, signInAs, browser }) => {
  await signInAs("admin", "/admin/users");
  const email = `new-tester-${Date.now()}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("tester");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  const invitePath = new URL(link).pathname;

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(invitePath);
  await expect(guestPage.getByText("You were invited as tester")).toBeVisible();
  await guestPage.getByLabel("Your name").fill("Nova Tester");
  await guestPage.getByLabel("Password").fill("a-long-password-1");
  await guestPage.getByRole("button", { name: "Create account" }).click();
  await expect(guestPage.getByRole("navigation", { name: "Account" })).toContainText("tester");
  // The link is single use.
  await guestPage.goto(invitePath);
  await expect(guestPage.getByRole("heading", { name: "This invite link does not work" })).toBeVisible();
  await guest.close();
});

test("an API token is shown once and works as a Bearer token within its scopes", async ({ page, signInAs, request }) => {
  await signInAs("engineer", "/settings/tokens");
  await page.getByLabel("Name").fill("e2e release gate");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^rt_/);
  await expect(page.getByRole("list", { name: "API tokens" })).toContainText("e2e release gate");

  await page.reload();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(demoAccountEmail("engineer"));
  const tokens = await request.get("/api/v1/tokens", { headers: { authorization: `Bearer ${secret}` } });
  expect(tokens.status()).toBe(403);
});

test("signing out ends the session on the server, not just in the browser", async ({ page, context, request }) => {
  await signIn(page, "tester", "/account");
  const cookies = await context.cookies();
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await request.get("/api/v1/me", { headers: { cookie: cookieHeader } })).status()).toBe(200);

  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(DEMO_PROJECT_PATH);
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await request.get("/api/v1/me", { headers: { cookie: cookieHeader } })).status()).toBe(401);
});

test("after sign-in, next= is followed only to a page of this site (no open redirect)", async ({ page, baseURL }) => {
  // A page on another port of this host stands in for the attacker's site; it must never be asked for anything.
  let trapRequests = 0;
  const trap = http.createServer((_req, res) => {
    trapRequests++;
    res.end("off-site");
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
  const trapPort = (trap.address() as AddressInfo).port;
  try {
    for (const next of [`/%5C127.0.0.1:${trapPort}/x`, `//127.0.0.1:${trapPort}/x`, `/%09/127.0.0.1:${trapPort}/x`, `http://127.0.0.1:${trapPort}/x`]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?next=${next}`);
      await page.getByLabel("Email").fill(demoAccountEmail("tester"));
      await page.getByLabel("Password").fill(E2E_DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin, next).toBe(baseURL);
      expect(new URL(page.url()).pathname, next).toBe("/");
      // Signed in already, the sign-in page redirects on the server: the same rule.
      await page.goto(`/sign-in?next=${next}`);
      expect(new URL(page.url()).origin, next).toBe(baseURL);
    }
    expect(trapRequests).toBe(0);

    // A path of this site is still followed.
    await page.context().clearCookies();
    await signIn(page, "tester", "/account");
    await expect(page).toHaveURL(/\/account$/);
  } finally {
    await new Promise<void>((resolve) => trap.close(() => resolve()));
  }
});

test("the audit log records the TCP peer, not a forged X-Forwarded-For or peer header", async ({ page }) => {
  // Headers a client could forge; Ratchet's server overwrites the one and (no trusted proxies) ignores the other.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.5", "x-ratchet-peer-address": "203.0.113.6" });
  await signIn(page, "admin", "/account");
  const response = await page.request.get("/api/v1/audit-events?action=auth.sign_in&limit=1");
  expect(response.status()).toBe(200);
  const [event] = (await response.json()).items as { actor: string; ip: string | null }[];
  expect(event).toMatchObject({ actor: demoAccountEmail("admin"), ip: "127.0.0.1" });
});
