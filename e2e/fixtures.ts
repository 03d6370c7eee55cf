import { test as base, expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/db/generated/enums";
import { demoAccountEmail } from "@/lib/demo/demo-account-email";
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
