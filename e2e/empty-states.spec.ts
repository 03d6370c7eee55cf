import type { Page } from "@playwright/test";
import type { Role } from "@/lib/db/generated/enums";
import { expect, signIn, test } from "./fixtures";

// Empty states say why a screen is empty and offer the next step, as a button,
// only to the roles that may take it (problems.write: engineer, admin;
// models.write: engineer, admin; patterns.write: tester too). A fresh project
// goes through the three states an engineer creates in order: no problems →
// a problem but no model version and no pattern. The steps share it, so they run in order.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const SLUG = `empty-states-${stamp}`;
const PROJECT_PATH = `/projects/${SLUG}`;
let problemKey = "";
const problemPath = () => `${PROJECT_PATH}/problems/${encodeURIComponent(problemKey)}`;

/** A write through the API with the session of the signed-in page (same origin: the CSRF check). */
async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { headers: { origin: new URL(page.url()).origin }, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

/** Each role in a fresh context, so one role's session never leaks into another's check. */
async function asRole(browser: import("@playwright/test").Browser, role: Role, path: string, check: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, role, path);
    await check(page);
  } finally {
    await context.close();
  }
}

test("a project with no problems says so on the dashboard and the problem list; engineers get 'Log a problem', which opens the form", async ({ page, browser, signInAs }) => {
  await signInAs("engineer", "/");
  await post(page, "/api/v1/projects", { name: `Empty states ${stamp}`, slug: SLUG, outputKind: "label", labels: ["yes", "no"] });

  for (const path of [PROJECT_PATH, `${PROJECT_PATH}/problems`]) {
    await page.goto(path);
    await expect(page.getByText("No problems logged yet")).toBeVisible();
    await expect(page.getByText("Log a problem the model is known to have")).toBeVisible();
    await expect(page.getByRole("link", { name: "Log a problem", exact: true })).toHaveAttribute("href", `${PROJECT_PATH}/problems/new`);
  }
  await page.getByRole("link", { name: "Log a problem", exact: true }).click();
  await expect(page).toHaveURL(`${PROJECT_PATH}/problems/new`);
  await expect(page.getByRole("heading", { name: "Log a problem" })).toBeVisible();

  // Testers and stakeholders cannot log problems: the explanation, no button.
  for (const role of ["tester", "stakeholder"] as const) {
    await asRole(browser, role, PROJECT_PATH, async (other) => {
      await expect(other.getByText("No problems logged yet")).toBeVisible();
      await expect(other.getByText("Engineers log the problems the model is known to have")).toBeVisible();
      await expect(other.getByRole("link", { name: "Log a problem" })).toHaveCount(0);
      await other.goto(`${PROJECT_PATH}/problems`);
      await expect(other.getByText("No problems logged yet")).toBeVisible();
      await expect(other.getByRole("link", { name: "Log a problem" })).toHaveCount(0);
    });
  }
});

test("with a problem but no model version, the dashboard still lists the problem and offers engineers 'Register a model version'", async ({ page, browser, signInAs }) => {
  await signInAs("engineer", PROJECT_PATH);
  const projects = (await (await page.request.get("/api/v1/projects?limit=200")).json()) as { items: { id: string; slug: string }[] };
  const projectId = projects.items.find((p) => p.slug === SLUG)!.id;
  const problem = await post<{ key: string }>(page, `/api/v1/projects/${projectId}/problems`, {
    title: "Sarcasm reads as praise",
    severity: "high",
    target: 0.2,
  });
  problemKey = problem.key;

  await page.reload();
  await expect(page.getByText("No model versions registered yet")).toBeVisible();
  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  await expect(table.getByRole("link", { name: problemKey, exact: true })).toBeVisible();
  await expect(table).toContainText("Sarcasm reads as praise");
  await expect(table).toContainText("≤ 20%");
  const register = page.getByRole("link", { name: "Register a model version" });
  await expect(register).toHaveAttribute("href", `${PROJECT_PATH}/models/new`);
  await register.click();
  await expect(page).toHaveURL(`${PROJECT_PATH}/models/new`);
  await expect(page.getByRole("heading", { name: "Register a model version" })).toBeVisible();

  for (const role of ["tester", "stakeholder"] as const) {
    await asRole(browser, role, PROJECT_PATH, async (other) => {
      await expect(other.getByText("No model versions registered yet")).toBeVisible();
      await expect(other.getByText("Once an engineer registers a model version")).toBeVisible();
      await expect(other.getByRole("table", { name: "Error rate per problem and model version" }).getByRole("link", { name: problemKey, exact: true })).toBeVisible();
      await expect(other.getByRole("link", { name: "Register a model version" })).toHaveCount(0);
    });
  }
});

test("a problem with no patterns explains its empty chart; engineers and testers get 'Add a pattern', which opens the editor for that problem", async ({ page, browser }) => {
  for (const role of ["engineer", "tester"] as const) {
    await asRole(browser, role, problemPath(), async (other) => {
      await expect(other.getByText("No error rate to chart yet: this problem has no patterns")).toBeVisible();
      await expect(other.getByText("An error rate is the share of a problem's patterns a model version fails.")).toBeVisible();
      await expect(other.locator(".recharts-surface")).toHaveCount(0);
      const add = other.getByRole("link", { name: "Add a pattern" });
      await expect(add).toHaveAttribute("href", `${PROJECT_PATH}/patterns/new?problem=${encodeURIComponent(problemKey)}`);
      if (role === "tester") {
        await add.click();
        await expect(other).toHaveURL(new RegExp(`/patterns/new\\?problem=${problemKey}$`));
        await expect(other.getByRole("heading", { name: "New pattern", level: 1 })).toBeVisible();
        await expect(other.getByRole("main").getByRole("navigation", { name: "Breadcrumb" })).toContainText(`${problemKey} Sarcasm reads as praise`);
      }
    });
  }

  await signIn(page, "stakeholder", problemPath());
  await expect(page.getByText("No error rate to chart yet: this problem has no patterns")).toBeVisible();
  await expect(page.getByText("Once testers add its patterns")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a pattern" })).toHaveCount(0);
});
