import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { DEMO_MODEL_VERSIONS } from "@/lib/demo/sentiment-model";
import { formatAge } from "@/lib/format/format-age";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

const MODELS_PATH = `${DEMO_PROJECT_PATH}/models`;
const DEMO_PATTERN_COUNT = DEMO_PROBLEMS.reduce((sum, problem) => sum + problem.patterns.length, 0);

test("an engineer tests the connection of a demo model version and sees the raw exchange", async ({ page, signInAs }) => {
  await signInAs("engineer", MODELS_PATH);
  const row = page.getByRole("table", { name: "Model versions" }).getByRole("row").filter({ has: page.getByText("3.0", { exact: true }) });
  await row.getByRole("link", { name: "sentiment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /sentiment 3\.0/ })).toBeVisible();
  // The age of 3.0's training date as of now (or a minute ago, should a day end between render and check), and the date itself.
  const trainedAt = new Date(DEMO_MODEL_VERSIONS.find((v) => v.version === "3.0")!.trainedAt);
  const ages = [...new Set([new Date(Date.now() - 60_000), new Date()].map((now) => `${formatAge(trainedAt, now)} old`))];
  await expect(page.getByText(new RegExp(`^(${ages.join("|")})$`))).toBeVisible();
  await expect(page.locator(`time[datetime="${trainedAt.toISOString()}"]`)).toHaveText(trainedAt.toISOString().slice(0, 10));
  await expect(page.getByText("/api/demo/models/v2/models/sentiment/versions/3.0/infer")).toBeVisible();

  await page.getByRole("button", { name: "Test connection" }).click();
  const result = page.getByTestId("test-connection-result");
  await expect(result.getByText("Connection OK")).toBeVisible();
  await expect(result.getByText(/^\d+ ms$/)).toBeVisible();
  await result.getByText("Raw request and response").click();
  const requestBody = result.getByLabel("Request body");
  await expect(requestBody).toContainText('"inputs"');
  await expect(requestBody).toContainText('"name": "text"');
  await expect(result.getByText(/^Response · HTTP 200$/)).toBeVisible();
  await expect(result.getByLabel("Response body")).toContainText('"outputs"');

  // The results table lists every current pattern's result of this version.
  const results = page.getByRole("table", { name: "Results of sentiment 3.0" });
  await expect(results.getByRole("row")).toHaveCount(Math.min(DEMO_PATTERN_COUNT, 50) + 1);
  // Each row says what was expected beside what came out.
  await expect(results.getByRole("columnheader", { name: "Expected" })).toBeVisible();
  const expectedColumn = (await results.getByRole("columnheader").allInnerTexts()).findIndex((h) => /^expected$/i.test(h.trim()));
  for (const row of (await results.getByRole("row").all()).slice(1, 6)) await expect(row.getByRole("cell").nth(expectedColumn)).toHaveText(/^(equals|is not|one of) \w+/);
});

test("an engineer registers a model version and watches its replay complete", async ({ page, signInAs, baseURL }) => {
  test.slow(); // a whole replay of the demo patterns
  await signInAs("engineer", MODELS_PATH);
  await page.getByRole("link", { name: "Register model version" }).click();
  await expect(page.getByRole("heading", { name: "Register a model version" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("sentiment-copy");
  await page.getByLabel("Version label").fill("2.1");
  await page.getByLabel("Connector", { exact: true }).selectOption("openinference");
  await page.getByLabel("Server URL").fill("triton");
  await page.getByLabel("Model name").fill("sentiment");
  await page.getByLabel("Server-side version (optional)").fill("2.1");
  await page.getByLabel("Output tensor (optional)").fill("label");
  await page.getByRole("button", { name: "Register and replay" }).click();

  // The API's field error lands under the field it is about.
  await expect(page.getByText("must be an absolute URL")).toBeVisible();
  await expect(page.getByLabel("Server URL")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Server URL").fill(`${baseURL}/api/demo/models`);
  await page.getByRole("button", { name: "Register and replay" }).click();
  await page.waitForURL(/\/models\/(?!new$)[a-z0-9]+$/); // not /models/new, the form itself
  await expect(page.getByRole("heading", { level: 1, name: /sentiment-copy 2\.1/ })).toBeVisible();

  await expect(page.getByText(`Last run: registration replay of ${DEMO_PATTERN_COUNT} patterns, completed`, { exact: false })).toBeVisible({ timeout: 240_000 });
  const lastRun = page.getByTestId("last-run");
  await expect(lastRun.getByText(`${DEMO_PATTERN_COUNT} / ${DEMO_PATTERN_COUNT}`)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Last run progress" })).toHaveAttribute("aria-valuenow", String(DEMO_PATTERN_COUNT));
  await expect(lastRun.getByText("0 error", { exact: true })).toBeVisible();
  const passed = Number((await lastRun.getByText(/^\d+ pass$/).textContent())?.split(" ")[0]);
  const failed = Number((await lastRun.getByText(/^\d+ fail$/).textContent())?.split(" ")[0]);
  expect(passed + failed).toBe(DEMO_PATTERN_COUNT);

  // When the run finishes the page refreshes its tables: the filter tabs count the same results.
  await expect(page.getByRole("link", { name: `All ${DEMO_PATTERN_COUNT}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Fail ${failed}` })).toBeVisible();

  // And the new version is listed.
  await page.getByRole("link", { name: "Model versions" }).first().click();
  await expect(page.getByRole("table", { name: "Model versions" }).getByRole("link", { name: "sentiment-copy" })).toBeVisible();
});

test("a stakeholder can read model versions but not register, change or grade them", async ({ page, signInAs }) => {
  await signInAs("stakeholder", MODELS_PATH);
  await expect(page.getByRole("heading", { name: "Model versions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Register model version" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Grading" })).toHaveCount(0);

  const row = page.getByRole("table", { name: "Model versions" }).getByRole("row").filter({ has: page.getByText("3.0", { exact: true }) });
  await row.getByRole("link", { name: "sentiment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /sentiment 3\.0/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Replay now" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);

  await page.goto(`${MODELS_PATH}/new`);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await page.goto(`${DEMO_PROJECT_PATH}/grading`);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("a tester grades a human-judged output and it leaves the queue", async ({ page, signInAs }) => {
  await signInAs("tester", DEMO_PROJECT_PATH);
  const projects = (await (await page.request.get("/api/v1/projects")).json()) as { items: { id: string; slug: string }[] };
  const projectId = projects.items.find((p) => p.slug === "review-sentiment")!.id;
  const problems = (await (await page.request.get(`/api/v1/projects/${projectId}/problems`)).json()) as { items: { id: string }[] };
  // As the app's own pages do: a session-cookie write carries this origin (CSRF check).
  const sameOrigin = { origin: new URL(page.url()).origin };
  const created = await page.request.post(`/api/v1/problems/${problems.items[0]!.id}/patterns`, {
    headers: sameOrigin,
    data: {
      name: "Judged by a person: 'what a bargain, broke in a day'",
      purpose: "case",
      origin: "contrived",
      notes: "Sarcasm: a negative answer is right.",
      inputKind: "json",
      input: { text: "What a bargain, it broke in a day." },
      expectation: { kind: "human" },
    },
  });
  expect(created.status()).toBe(201);
  const pattern = (await created.json()) as { id: string };
  try {
    // The new pattern is replayed on every callable model version; each distinct output waits for a grade.
    const queuePath = `/api/v1/projects/${projectId}/grades/queue`;
    const queued = async () => ((await (await page.request.get(queuePath)).json()) as { items: { patternId: string }[] }).items.filter((i) => i.patternId === pattern.id).length;
    await expect.poll(queued, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await queued();

    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Grading" }).click();
    const cards = page.getByRole("article").filter({ hasText: "Judged by a person" });
    await expect(cards).toHaveCount(before);
    const first = cards.first();
    await expect(first).toContainText("What a bargain, it broke in a day.");
    await expect(first).toContainText("Sarcasm: a negative answer is right.");
    await first.getByLabel("Comment (optional)").fill("Reads the sarcasm right.");
    await first.getByRole("button", { name: "Pass" }).click();
    await expect(cards).toHaveCount(before - 1);
    expect(await queued()).toBe(before - 1);
    await page.reload();
    await expect(page.getByRole("article").filter({ hasText: "Judged by a person" })).toHaveCount(before - 1);
  } finally {
    // Archive it again so the demo's pattern set stays what other specs compute from.
    await page.request.delete(`/api/v1/patterns/${pattern.id}`, { headers: sameOrigin });
  }
});
