import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { demoOutputFor } from "@/lib/demo/demo-output-for";
import { findDemoModelVersion, predictSentiment } from "@/lib/demo/sentiment-model";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// Reloads while the demo's replays finish, on a shared CI machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

// What the compare page must show for the demo's 3.0 against production (2.1),
// computed here from the demo model and the scoring functions directly.
function expectedFlips(problemIndex: number) {
  const [baseline, candidate] = [findDemoModelVersion("2.1")!, findDemoModelVersion("3.0")!];
  const verdict = (version: typeof baseline, pattern: (typeof DEMO_PROBLEMS)[number]["patterns"][number]) =>
    judgeOutput(pattern.expectation, demoOutputFor(pattern.expectation, predictSentiment(version, pattern.text)));
  const patterns = DEMO_PROBLEMS[problemIndex]!.patterns;
  return {
    broken: patterns.filter((p) => verdict(baseline, p) === "pass" && verdict(candidate, p) === "fail").map((p) => p.name),
    fixed: patterns.filter((p) => verdict(baseline, p) === "fail" && verdict(candidate, p) === "pass").map((p) => p.name),
  };
}

test("an engineer opens the compare page of 3.0 against production and sees the negation regression, its p-value and the flipped patterns", async ({ page, signInAs }) => {
  const negation = expectedFlips(1);
  // The demo's point: 3.0 breaks negation on six patterns and fixes none (exact McNemar p = 0.03125).
  expect(negation.fixed).toEqual([]);
  expect(negation.broken).toHaveLength(6);

  await signInAs("engineer", `${DEMO_PROJECT_PATH}/models`);
  const row = page.getByRole("table", { name: "Model versions" }).getByRole("row").filter({ has: page.getByText("3.0", { exact: true }) });
  await row.getByRole("link", { name: "sentiment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /sentiment 3\.0/ })).toBeVisible();
  // The model version page already flags it: fixed, broken and the exact McNemar verdict per problem.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("mcnemar-SENT-2")).toHaveText(/worse\s*p = 0\.031/, { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole("link", { name: "Compare with sentiment 2.1 →" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "sentiment 3.0 compared with sentiment 2.1" })).toBeVisible();
  await expect(page.getByText("Baseline: the production version.", { exact: false })).toBeVisible();

  // The demo's replays may still be finishing: reload until the regression shows.
  const sent2 = page.getByTestId("comparison-SENT-2");
  await expect(async () => {
    await page.reload();
    await expect(sent2).toHaveAttribute("data-verdict", "worse", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });

  await expect(page.getByTestId("comparison-summary")).toContainText("1 problem worse (p = 0.031)");
  await expect(sent2.getByText("worse")).toBeVisible();
  await expect(page.getByTestId("p-SENT-2")).toHaveText("0.031");
  // Worst first.
  await expect(page.getByRole("table", { name: /worst first/ }).getByRole("row").nth(1)).toHaveAttribute("data-testid", "comparison-SENT-2");

  const flips = page.getByTestId("flips-SENT-2");
  await expect(flips).toHaveAttribute("open", "");
  const items = flips.getByTestId("flipped-pattern");
  await expect(items).toHaveCount(negation.broken.length);
  for (const name of negation.broken) {
    const item = items.filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(item, name).toHaveAttribute("data-flip", "broken");
    await expect(item.getByText("broken: pass → fail")).toBeVisible();
    await expect(item.getByText(/^Expected:/)).toBeVisible();
    await expect(item.getByText("sentiment 2.1 (baseline)")).toBeVisible();
    await expect(item.getByText("sentiment 3.0", { exact: true })).toBeVisible();
  }
  // The input text and both outputs side by side for one of them.
  const notHappy = items.filter({ has: page.getByRole("link", { name: "'Not happy'", exact: true }) });
  await expect(notHappy.getByText("Not happy with this purchase.")).toBeVisible();
  await expect(notHappy.getByText("pass", { exact: true })).toBeVisible();
  await expect(notHappy.getByText("fail", { exact: true })).toBeVisible();
});

test("the baseline picker compares with any other version, and an unknown one is explained, not a crash", async ({ page, signInAs }) => {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  await page.getByRole("link", { name: /^Compare sentiment 3\.0 with production/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "sentiment 3.0 compared with sentiment 2.1" })).toBeVisible();

  await page.getByLabel("Compare with").selectOption({ label: "sentiment 1.0 · retired" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "sentiment 3.0 compared with sentiment 1.0" })).toBeVisible();
  await expect(page.getByText("Baseline: the version you chose.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\?baseline=[a-z0-9]+$/);

  await page.goto(page.url().replace(/baseline=[a-z0-9]+/, "baseline=cl0000000000000000000000x"));
  await expect(page.getByText("Nothing to compare")).toBeVisible();
  await expect(page.getByText("Baseline model version not found.")).toBeVisible();
  await expect(page.getByLabel("Compare with")).toBeVisible();
});
