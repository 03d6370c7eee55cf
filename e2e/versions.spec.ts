import type { Page } from "@playwright/test";
import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// Issue 15 items 1–4: a broken version never reads as fine; the replay panel
// shows the version's standing apart from its last run; Test connection on the
// register form and registering without a replay; fixing a connector marks the
// older results stale until a replay replaces them. The model server is the
// app's own demo model (Open Inference Protocol on loopback).

const MODELS_PATH = `${DEMO_PROJECT_PATH}/models`;
const SENT_1 = "SENT-1";

async function projectId(page: Page): Promise<string> {
  const projects = (await (await page.request.get("/api/v1/projects")).json()) as { items: { id: string; slug: string }[] };
  return projects.items.find((p) => p.slug === "review-sentiment")!.id;
}

/** Fills the register form's identity and an Open Inference connector to the demo model (output tensor as given). */
async function fillRegisterForm(page: Page, baseURL: string, name: string, version: string, outputTensor: string) {
  await page.goto(`${MODELS_PATH}/new`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Version label").fill(version);
  await page.getByLabel("Connector", { exact: true }).selectOption("openinference");
  await page.getByLabel("Server URL").fill(`${baseURL}/api/demo/models`);
  await page.getByLabel("Model name").fill("sentiment");
  await page.getByLabel("Server-side version (optional)").fill("3.0");
  await page.getByLabel("Output tensor (optional)").fill(outputTensor);
}

test("an engineer tests the connection on the register form, then registers without replaying; the version page offers Replay now", async ({ page, signInAs, baseURL }) => {
  await signInAs("engineer", MODELS_PATH);
  await fillRegisterForm(page, baseURL!, "sentiment-probe", "9.1", "label");
  const tester = page.getByRole("region", { name: "Test connection" });

  // A free-text sample: the raw exchange carries it, no verdict (nothing to judge it by).
  await tester.getByLabel("A sample input (free text)").check();
  await tester.getByLabel("Sample input", { exact: true }).fill("What a good product, works great");
  await tester.getByRole("button", { name: "Test connection" }).click();
  const result = tester.getByTestId("test-connection-result");
  await expect(result.getByText("Connection OK")).toBeVisible();
  await expect(result.getByText("sample input", { exact: true })).toBeVisible();
  await result.getByText("Raw request and response").click();
  await expect(result.getByLabel("Request body")).toContainText("What a good product, works great");
  await expect(result.getByText(/^Response · HTTP 200$/)).toBeVisible();

  // A pattern of the project: its expectation judges the answer.
  await tester.getByLabel("A pattern of the project").check();
  const firstPattern = DEMO_PROBLEMS[0]!.patterns[0]!.name;
  await expect(tester.getByLabel("Pattern", { exact: true })).toContainText(firstPattern);
  await tester.getByRole("button", { name: "Test connection" }).click();
  await expect(result.getByRole("link", { name: firstPattern })).toBeVisible();
  await expect(result.getByText(/^(pass|fail)$/)).toBeVisible();

  // A connector the test refuses keeps its message beside the field.
  await page.getByLabel("Server URL").fill("not a url");
  await tester.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByLabel("Server URL")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Server URL").fill(`${baseURL}/api/demo/models`);

  await page.getByRole("button", { name: "Register", exact: true }).click();
  await page.waitForURL(/\/models\/(?!new$)[a-z0-9]+$/); // not /models/new, the form itself
  await expect(page.getByRole("heading", { level: 1, name: /sentiment-probe 9\.1/ })).toBeVisible();
  const modelId = page.url().split("/").at(-1)!;
  const runs = (await (await page.request.get(`/api/v1/models/${modelId}/replays`)).json()) as { items: unknown[] };
  expect(runs.items).toEqual([]);
  await expect(page.getByText("Last run: none yet — this version has not been replayed.")).toBeVisible();
  const standing = page.getByTestId("replay-standing");
  const gate = (await (await page.request.get(`/api/v1/models/${modelId}/gate`)).json()) as { replay: { patterns: number } };
  await expect(standing).toContainText(`over ${gate.replay.patterns} current patterns`);
  await expect(standing).toContainText(`${gate.replay.patterns} not replayed`);
  await expect(page.getByTestId("measurement-summary")).toContainText("not measured");
  await expect(page.getByRole("button", { name: "Replay now" })).toBeEnabled();
});

test("a version whose every call errors reads 'not measured' everywhere; fixing its connector marks its results stale until a replay replaces them", async ({
  page,
  signInAs,
  baseURL,
}) => {
  test.slow(); // two whole replays of the demo patterns
  await signInAs("engineer", MODELS_PATH);
  await fillRegisterForm(page, baseURL!, "sentiment-broken", "0.1", "no-such-tensor");
  await page.getByRole("button", { name: "Register and replay" }).click();
  await page.waitForURL(/\/models\/(?!new$)[a-z0-9]+$/); // not /models/new, the form itself
  const modelId = page.url().split("/").at(-1)!;
  await expect(page.getByText(/^Last run: registration replay of \d+ patterns, completed/)).toBeVisible({ timeout: 240_000 });

  // Version page: the summary and the rate cells warn, never "0 of N above target".
  const summary = page.getByTestId("measurement-summary");
  await expect(summary).toContainText(/All \d+ problems not measured: no pass or fail result/);
  await expect(summary).not.toContainText("above target");
  await expect(page.getByTestId(`rate-${SENT_1}`)).toContainText("not measured");
  await expect(page.getByTestId(`rate-${SENT_1}`)).toContainText("every call errored");

  // Dashboard: the summary line and the newest version's cells.
  await page.goto(DEMO_PROJECT_PATH);
  await expect(page.getByText(/Latest version sentiment-broken 0\.1/)).toBeVisible();
  await expect(page.getByTestId("measurement-summary")).toContainText("not measured");
  await expect(page.getByTestId(`rate-${SENT_1}-sentiment-broken@0.1`)).toContainText("not measured");

  // Problem list: the newest version's column.
  await page.goto(`${DEMO_PROJECT_PATH}/problems`);
  await expect(page.getByRole("columnheader", { name: /Latest: sentiment-broken 0\.1/ })).toBeVisible();
  await expect(page.getByTestId(`latest-${SENT_1}`)).toContainText("not measured");

  // Fix the connector and save without replaying: every result is now stale.
  await page.goto(`${MODELS_PATH}/${modelId}/edit`);
  await page.getByLabel("Output tensor (optional)").fill("label");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.waitForURL(new RegExp(`/models/${modelId}$`));
  const standing = page.getByTestId("replay-standing");
  await expect(standing).toContainText(/\d+ stale — made with an earlier connector configuration/);
  const results = page.getByRole("table", { name: "Results of sentiment-broken 0.1" });
  await expect(results.getByText("stale").first()).toBeVisible();
  const api = (await (await page.request.get(`/api/v1/models/${modelId}/results`)).json()) as { items: { stale: boolean }[] };
  expect(api.items.length).toBeGreaterThan(0);
  expect(api.items.every((r) => r.stale)).toBe(true);

  // Edit again → "Save and replay": the rerun replaces them, nothing is stale, the version is measured.
  await page.goto(`${MODELS_PATH}/${modelId}/edit`);
  await page.getByRole("button", { name: "Save and replay" }).click();
  await page.waitForURL(new RegExp(`/models/${modelId}$`));
  await expect(page.getByText(/^Last run: manual replay of \d+ patterns, completed/)).toBeVisible({ timeout: 240_000 });
  await expect(standing).not.toContainText("stale");
  await expect(results.getByText("stale")).toHaveCount(0);
  await expect(page.getByTestId("measurement-summary")).toContainText("above target");
  await expect(page.getByTestId("measurement-summary")).not.toContainText("not measured");
});

test("after a one-pattern back-fill the replay panel shows the version's standing over every current pattern, and the last run apart", async ({ page, signInAs }) => {
  await signInAs("engineer", MODELS_PATH);
  const id = await projectId(page);
  const models = (await (await page.request.get(`/api/v1/projects/${id}/models?limit=100`)).json()) as { items: { id: string; version: string; name: string }[] };
  const v3 = models.items.find((m) => m.name === "sentiment" && m.version === "3.0")!;
  const problems = (await (await page.request.get(`/api/v1/projects/${id}/problems?limit=100`)).json()) as { items: { id: string; key: string }[] };
  const sent1 = problems.items.find((p) => p.key === SENT_1)!;

  const created = await page.request.post(`/api/v1/problems/${sent1.id}/patterns`, {
    headers: { origin: new URL(page.url()).origin },
    data: { name: "Back-filled: oh great, it broke again", input: { text: "Oh great, it broke again after one day." }, expectation: { kind: "equals", value: "negative" } },
  });
  expect(created.status()).toBe(201);

  await page.goto(`${MODELS_PATH}/${v3.id}`);
  await expect(page.getByText(/^Last run: back-fill of 1 pattern, completed/)).toBeVisible({ timeout: 120_000 });
  const gate = (await (await page.request.get(`/api/v1/models/${v3.id}/gate`)).json()) as { replay: { patterns: number } };
  expect(gate.replay.patterns).toBeGreaterThan(1);
  const standing = page.getByTestId("replay-standing");
  await expect(standing).toContainText(`over ${gate.replay.patterns} current patterns`);
  // Every verdict, what awaits a grade and what was not replayed add up to the current patterns.
  const counts = (await standing.getByTestId("standing-count").allTextContents()).map((text) => Number(text.split(" ")[0]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(gate.replay.patterns);
  await expect(standing.getByText(/^\d+ pass$/)).toBeVisible();
  // The last run covered one pattern; its own counts are separate from the standing.
  await expect(page.getByRole("progressbar", { name: "Last run progress" })).toHaveAttribute("aria-valuemax", "1");
});
