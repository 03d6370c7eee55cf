import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3314";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [name, width] of [["narrow", 390], ["wide", 1440]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${base}/sign-in?next=/projects/review-sentiment`);
  await page.getByLabel("Email").fill("engineer@demo.ratchet.local");
  await page.getByLabel("Password").fill(process.env.PW);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await page.goto(`${base}/projects/review-sentiment?limit=3`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/matrix-shots/dashboard-${name}.png`, fullPage: true });
  await page.getByText("Choose the problems on the chart").click();
  await page.screenshot({ path: `/tmp/matrix-shots/picker-${name}.png`, fullPage: false, clip: undefined });
  await page.goto(`${base}/projects/review-sentiment/problems/SENT-2`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/matrix-shots/problem-${name}.png`, fullPage: true });
  const cell = page.locator("a[data-matrix-cell]").first();
  await cell.hover();
  await page.locator("[data-testid=pattern-version-matrix-scroll]").screenshot({ path: `/tmp/matrix-shots/matrix-${name}.png` });
  await cell.click();
  await page.waitForURL(/results/);
  await page.screenshot({ path: `/tmp/matrix-shots/result-${name}.png`, fullPage: true });
}
await browser.close();
