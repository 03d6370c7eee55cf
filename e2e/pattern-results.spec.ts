import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// Verdicts where testers work: the problem's pattern list shows each pattern's
// verdict on the production version and on the newest one, and a pattern's page
// lists its result on every model version (output, verdict, when), each a way
// into the result.
test("a problem's pattern list shows each pattern's verdict on production (sentiment 2.1) and on the newest version", async ({ page, signInAs }) => {
  await signInAs("tester", `${DEMO_PROJECT_PATH}/problems/SENT-1`);
  const table = page.getByRole("table", { name: "Patterns of SENT-1" });
  await expect(table.getByRole("columnheader", { name: "★ Production sentiment 2.1" })).toBeVisible();
  // The demo's newest is sentiment 3.0, unless a spec before this one registered another.
  await expect(table.getByRole("columnheader", { name: /^Latest \S+ \S+$/ })).toBeVisible();
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const production = headers.findIndex((h) => h.includes("Production sentiment 2.1"));
  const rows = (await table.getByRole("row").all()).slice(1);
  expect(rows.length).toBeGreaterThanOrEqual(10);
  // Production's replays are complete before any spec runs (demo-ready): every pattern has a verdict there, as glyph and word.
  for (const row of rows) await expect(row.getByRole("cell").nth(production)).toHaveText(/^[✓✗!?] (pass|fail|error|awaiting grade)$/);
  // Each verdict leads to its result.
  await rows[0]!.getByRole("cell").nth(production).getByRole("link").click();
  await expect(page).toHaveURL(/\/results\/[^/]+$/);
});

test("a tester reads a pattern's results across the demo's model versions and opens one", async ({ page, signInAs }) => {
  await signInAs("tester", `${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await page.getByRole("link", { name: "Zipper broke, 'oh great'" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Zipper broke, 'oh great'" })).toBeVisible();

  const table = page.getByRole("table", { name: "Results across model versions" });
  const rows = table.getByRole("row");
  // The header and one row per replayed demo version (the demo registers five; the newest may still be replaying).
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
  await expect(table).toContainText("★ production");
  const verdictLinks = table.getByRole("link", { name: /^Result of .+: (pass|fail|error|awaiting grade)$/ });
  expect(await verdictLinks.count()).toBe((await rows.count()) - 1);
  // Every row names its output or its error, and when.
  for (const row of (await rows.all()).slice(1)) await expect(row.getByRole("cell").nth(3)).toHaveText(/\d{4}/);

  const first = verdictLinks.first();
  const name = (await first.getAttribute("aria-label"))!;
  await first.click();
  await expect(page).toHaveURL(/\/results\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(name).toMatch(/^Result of /);
});
