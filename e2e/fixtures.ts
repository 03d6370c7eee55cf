import { test as base, expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/db/generated/enums";
import { demoAccountEmail } from "@/lib/demo/demo-account-email";
import { DEMO_MODEL_NAME } from "@/lib/demo/sentiment-model";
import { E2E_DEMO_PASSWORD } from "./demo-password";

export { expect };

export const DEMO_PROJECT_PATH = "/projects/review-sentiment";

/** Signs in through the real sign-in form as the demo account of a role. */
export async function signIn(page: Page, role: Role, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(demoAccountEmail(role));
  await page.getByLabel("Password").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export const test = base.extend<{ signInAs: (role: Role, next?: string) => Promise<void> }>({
  signInAs: async ({ page }, use) => {
    await use((role, next) => signIn(page, role, next));
  },
});

/**
 * Opens a demo model version's page from the models list. The row is the one
 * whose name link is exactly the demo model's: other specs register versions
 * with the same label under other names ("sentiment-copy 2.1").
 */
export async function openDemoModelVersion(page: Page, version: string) {
  await page.goto(`${DEMO_PROJECT_PATH}/models`);
  const row = page
    .getByRole("table", { name: "Model versions" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: DEMO_MODEL_NAME, exact: true }) })
    .filter({ has: page.getByText(version, { exact: true }) });
  const href = (await row.getByRole("link", { name: DEMO_MODEL_NAME, exact: true }).getAttribute("href"))!;
  // The list page may still be refreshing itself while the demo's replays finish: retry an aborted navigation.
  await expect(async () => {
    await page.goto(href);
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`${DEMO_MODEL_NAME} ${version.replace(".", "\\.")}`) })).toBeVisible();
}
