import type { Browser, Page } from "@playwright/test";
import type { Role } from "@/lib/db/generated/enums";
import { DEMO_PROJECT_PATH, expect, signIn, test } from "./fixtures";

// Issue 15 item 5: what forms tell their users. A label project needs its
// labels; a target shows as entered (12.5%, not "≤ 13%"); a JSON body template
// with an unquoted placeholder says where placeholders go; after a server-side
// error the focus is on the error summary (and on the error of a small control
// that is not a form); "Saved." stays until the next edit; the project bar has
// a Settings tab for the roles that may change settings.

const stamp = Date.now();

/** A write through the API with the session of the signed-in page (same origin: the CSRF check). */
async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { headers: { origin: new URL(page.url()).origin }, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

async function projectSlugs(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/v1/projects?limit=200");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: { slug: string }[] }).items.map((p) => p.slug);
}

test("a label project cannot be created without labels: the form says so, the error summary takes the focus, and nothing is created", async ({ page, signInAs }) => {
  await signInAs("engineer", "/projects/new");
  const slug = `no-labels-${stamp}`;
  await page.getByLabel("Name", { exact: true }).fill(`No labels ${stamp}`);
  await page.getByLabel("Slug", { exact: true }).fill(slug);
  await expect(page.getByLabel("Output kind")).toHaveValue("label");
  await page.getByRole("button", { name: "Create project" }).click();

  // The server refused it (422 at body.labels): the summary has the focus, the field says what is missing.
  const summary = page.getByRole("alert").filter({ hasText: "Some fields need attention" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.locator("#project-labels-error")).toContainText("are required for a label project");
  await expect(page.getByLabel("Labels (label projects)")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/projects\/new$/);
  expect(await projectSlugs(page)).not.toContain(slug);

  // With labels it is created.
  await page.getByLabel("Labels (label projects)").fill("yes\nno");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(`/projects/${slug}`);
  expect(await projectSlugs(page)).toContain(slug);
});

test("a target of 12.5% shows as 12.5% on the problem page, the problem list, the dashboard and the edit form, never rounded", async ({ page, signInAs }) => {
  await signInAs("engineer", "/");
  const slug = `target-${stamp}`;
  await post(page, "/api/v1/projects", { name: `Target ${stamp}`, slug, outputKind: "label", labels: ["yes", "no"] });
  await page.goto(`/projects/${slug}/problems/new`);
  await page.getByLabel("Title").fill("Misreads double negatives");
  await page.getByLabel("Target error rate (%)").fill("12.5");
  await page.getByRole("button", { name: "Log problem" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${slug}/problems/[A-Z]+-1$`));
  const problemPath = new URL(page.url()).pathname;

  const main = page.getByRole("main");
  await expect(main).toContainText("error rate ≤ 12.5%");
  for (const path of [problemPath, `/projects/${slug}/problems`, `/projects/${slug}`]) {
    await page.goto(path);
    await expect(main, path).toContainText("≤ 12.5%");
    await expect(main, path).not.toContainText("13%");
  }
  // The edit form opens in place on the problem page, with the target as entered.
  await page.goto(problemPath);
  await page.getByRole("button", { name: "Edit problem" }).click();
  await expect(page.getByLabel("Target error rate (%)")).toHaveValue("12.5");
});

test("a JSON body template with an unquoted placeholder says that placeholders go inside quotes, not the parser's message", async ({ page, signInAs }) => {
  await signInAs("engineer", `${DEMO_PROJECT_PATH}/models/new`);
  await page.getByLabel("Connector", { exact: true }).selectOption("http");
  const template = page.getByLabel("Body template (JSON)");
  await template.fill('{ "review": {{input.text}} }');
  await page.getByRole("button", { name: "Register and replay" }).first().click();
  const error = page.locator(`#${await template.getAttribute("id")}-error`);
  await expect(error).toContainText("is not valid JSON");
  await expect(error).toContainText('Placeholders go inside quotes, e.g. "input": "{{input}}"');
  await expect(error).not.toContainText("Expected property name");
  await expect(page).toHaveURL(`${DEMO_PROJECT_PATH}/models/new`);
});

test("a small control's error takes the focus: revoking an invite that is already gone says so where the focus is", async ({ page, signInAs }) => {
  await signInAs("admin", "/admin/users");
  const email = `gone-${stamp}@example.com`;
  const invite = await post<{ id: string }>(page, "/api/v1/invites", { email, role: "tester" });
  await page.reload();
  const row = page.getByRole("list", { name: "Open invites" }).getByRole("listitem").filter({ hasText: email });
  await expect(row).toBeVisible();
  // Someone else revokes it meanwhile; this page still offers Revoke.
  const gone = await page.request.delete(`/api/v1/invites/${invite.id}`, { headers: { origin: new URL(page.url()).origin } });
  expect(gone.ok(), await gone.text()).toBe(true);

  await row.getByRole("button", { name: "Revoke" }).click();
  const error = row.getByRole("alert");
  await expect(error).toContainText(/not found/i);
  await expect(error).toBeFocused();
});

test("'Saved.' on project settings is announced and stays until the next edit", async ({ page, signInAs }) => {
  await signInAs("engineer", "/");
  const slug = `saved-${stamp}`;
  await post(page, "/api/v1/projects", { name: `Saved ${stamp}`, slug, outputKind: "label", labels: ["yes", "no"] });
  await page.goto(`/projects/${slug}/settings`);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save project" }) });
  await form.getByLabel("Description").fill("Checked by the forms-feedback spec.");
  await form.getByRole("button", { name: "Save project" }).click();
  const status = form.getByRole("status");
  await expect(status).toHaveText("Saved.");
  // It used to vanish after 330 ms (the refresh remounted the form).
  await page.waitForTimeout(1_500);
  await expect(status).toHaveText("Saved.");
  await page.reload();
  await expect(form.getByLabel("Description")).toHaveValue("Checked by the forms-feedback spec.");
  await expect(status).toHaveText("");

  await form.getByRole("button", { name: "Save project" }).click();
  await expect(status).toHaveText("Saved.");
  await form.getByLabel("Description").press("End");
  await form.getByLabel("Description").pressSequentially(" Edited.");
  await expect(status).toHaveText("");
});

async function projectTabs(browser: Browser, role: Role): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, role, DEMO_PROJECT_PATH);
    const tabs = page.getByRole("navigation", { name: "Project" }).getByRole("link");
    await expect(tabs.first()).toBeVisible();
    return (await tabs.allTextContents()).map((t) => t.trim());
  } finally {
    await context.close();
  }
}

test("the project bar has a Settings tab for the roles that may change settings (admin, engineer), not for a tester or a stakeholder", async ({ browser }) => {
  for (const role of ["admin", "engineer"] as const) {
    const tabs = await projectTabs(browser, role);
    expect(tabs, role).toContain("Settings");
  }
  for (const role of ["tester", "stakeholder"] as const) {
    const tabs = await projectTabs(browser, role);
    expect(tabs, role).toContain("Dashboard");
    expect(tabs, role).not.toContain("Settings");
  }

  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, "engineer", DEMO_PROJECT_PATH);
    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(`${DEMO_PROJECT_PATH}/settings`);
    await expect(page.getByRole("heading", { name: "Project settings", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  } finally {
    await context.close();
  }
});
