import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// Issue 15 item 12: every page has its own title — the page's part, the project's
// name, then "Ratchet" — and names appear only for someone allowed to read them.
const PROJECT = "Review sentiment classifier";

test("each screen of the demo has its own title, page · project · Ratchet", async ({ page, signInAs }) => {
  await signInAs("admin", "/");
  await expect(page).toHaveTitle("Projects · Ratchet");

  await page.goto(DEMO_PROJECT_PATH);
  await expect(page).toHaveTitle(`${PROJECT} · Ratchet`);

  await page.goto(`${DEMO_PROJECT_PATH}/problems`);
  await expect(page).toHaveTitle(`Problems · ${PROJECT} · Ratchet`);

  await page.goto(`${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await expect(page).toHaveTitle(`SENT-1 Sarcasm read as praise · ${PROJECT} · Ratchet`);

  // A pattern of SENT-1, reached through its link: its name is the title.
  const patternLink = page.getByRole("link", { name: "Zipper broke, 'oh great'" }).first();
  await patternLink.click();
  await expect(page).toHaveTitle(`Zipper broke, 'oh great' · ${PROJECT} · Ratchet`);

  await page.goto(`${DEMO_PROJECT_PATH}/models`);
  await expect(page).toHaveTitle(`Model versions · ${PROJECT} · Ratchet`);
  const row = page.getByRole("table", { name: "Model versions" }).getByRole("row").filter({ has: page.getByText("3.0", { exact: true }) });
  await row.getByRole("link", { name: "sentiment" }).click();
  await expect(page).toHaveTitle(`sentiment 3.0 · ${PROJECT} · Ratchet`);
  const modelPath = new URL(page.url()).pathname;

  await page.goto(`${modelPath}/compare`);
  await expect(page).toHaveTitle(`Compare sentiment 3.0 · ${PROJECT} · Ratchet`);
  await page.goto(`${modelPath}/sign-off`);
  await expect(page).toHaveTitle(`Sign-off sentiment 3.0 · ${PROJECT} · Ratchet`);

  await page.goto(`${DEMO_PROJECT_PATH}/settings`);
  await expect(page).toHaveTitle(`Project settings · ${PROJECT} · Ratchet`);
  await page.goto("/settings/tokens");
  await expect(page).toHaveTitle("API tokens · Ratchet");
});

test("a title names nothing for someone who may not read it, and an unknown id gets the generic title", async ({ page, signInAs }) => {
  // Signed out: the problem's URL leads to sign-in, whose title carries no project or problem name.
  await page.goto(`${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await page.waitForURL(/\/sign-in/);
  await expect(page).toHaveTitle("Sign in · Ratchet");

  await signInAs("stakeholder", "/");
  await page.goto(`${DEMO_PROJECT_PATH}/problems/SENT-999`);
  await expect(page).toHaveTitle(`Problem · ${PROJECT} · Ratchet`);
  await page.goto(`${DEMO_PROJECT_PATH}/models/not-an-id`);
  await expect(page).toHaveTitle(`Model version · ${PROJECT} · Ratchet`);
});
