import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// A stakeholder signs off problems of the candidate 3.0 on the sign-off sheet
// and sees the markers on the charts; a tester then edits a pattern of one of
// them and the sign-off turns stale on the sheet, the charts and in the gate.
// Then the printable report goes through Chromium's PDF printer.

test.describe.configure({ mode: "serial" });

let sheetPath = "";
let modelId = "";

async function openSheetOf(page: Page, version: string) {
  await page.goto(DEMO_PROJECT_PATH);
  await page.getByRole("table", { name: "Error rate per problem and model version" }).getByRole("link", { name: `sentiment ${version}` }).click();
  await page.waitForURL(/\/models\/(?!new$)[a-z0-9]+$/); // not /models/new, the form itself
  modelId = page.url().split("/").at(-1)!;
  await page.getByRole("link", { name: "Sign-off sheet" }).click();
  await page.waitForURL(/\/sign-off$/);
  sheetPath = new URL(page.url()).pathname;
}

test("a stakeholder signs off problems on the sheet and sees the markers on the charts", async ({ page, signInAs }) => {
  test.setTimeout(600_000);
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  await openSheetOf(page, "3.0");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign-off: sentiment 3.0");

  // The sheet refuses until 3.0's replay is complete; the buttons say why.
  const approve = page.getByRole("button", { name: "Approve SENT-1" });
  await expect(async () => {
    await page.reload();
    await expect(approve).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 120_000 });

  const sent1 = page.getByTestId("signoff-row-SENT-1");
  await expect(sent1.getByTestId("sheet-rate-SENT-1")).toContainText(/\d+% \(n=\d+\)/);
  await expect(sent1.getByTestId("sheet-rate-SENT-1")).toContainText(/95%: \d+%–\d+%/);
  await sent1.getByLabel("Comment on SENT-1").fill("Sarcasm is under control in 3.0.");
  await approve.click();
  await expect(page.getByTestId("sheet-signoff-SENT-1")).toContainText("Approved");
  await expect(page.getByTestId("sheet-signoff-SENT-1")).toContainText("by Demo stakeholder");
  await expect(page.getByTestId("sheet-signoff-SENT-1")).toContainText("Sarcasm is under control in 3.0.");

  // The negation regression: the change column says so, and the stakeholder rejects.
  const sent2 = page.getByTestId("signoff-row-SENT-2");
  await expect(sent2).toContainText("worse");
  await sent2.getByLabel("Comment on SENT-2").fill("Negation regressed against 2.1.");
  await page.getByRole("button", { name: "Reject SENT-2" }).click();
  await expect(page.getByTestId("sheet-signoff-SENT-2")).toContainText("Rejected");
  await expect(page.getByTestId("sheet-signoff-SENT-2").locator("[data-stale=false]")).toHaveCount(1);

  // Dashboard: markers on the chart (the demo's six plus these two) and the decisions in the table.
  await page.goto(DEMO_PROJECT_PATH);
  await expect(page.locator("[data-testid=signoff-marker]")).toHaveCount(8);
  await expect(page.locator("[data-testid=signoff-marker][data-decision=reject]")).toHaveCount(2);
  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  await expect(table.getByTestId("rate-SENT-1-sentiment@3.0").getByTestId("signoff-note")).toContainText("✓ approved");
  await expect(table.getByTestId("rate-SENT-1-sentiment@3.0")).toContainText("approved by Demo stakeholder");
  await expect(table.getByTestId("rate-SENT-2-sentiment@3.0").getByTestId("signoff-note")).toContainText("✗ rejected");
  await expect(table.getByTestId("rate-SENT-2-sentiment@2.0").getByTestId("signoff-note")).toContainText("✗ rejected");

  // The chart's tooltip names who decided, when and why.
  const marker = page.locator("[data-testid=signoff-marker][data-decision=reject]").first();
  await marker.hover({ force: true });
  await expect(page.locator(".recharts-tooltip-wrapper")).toContainText(/Rejected by Demo stakeholder/);

  // Problem page: 2.1 (demo) and 3.0 markers, and the column in its table.
  await page.goto(`${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await expect(page.locator("[data-testid=signoff-marker][data-decision=approve][data-stale=false]")).toHaveCount(2);
  await expect(page.getByTestId("problem-signoff-3.0")).toContainText("✓ approved");
});

test("a tester edits a pattern: the sign-off turns stale on the sheet, the charts and in the gate", async ({ page, signInAs }) => {
  test.setTimeout(300_000);
  await signInAs("tester", `${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await page.getByRole("table", { name: "Patterns of SENT-1" }).getByRole("link").first().click();
  await page.getByRole("link", { name: "Edit pattern" }).click();
  // The demo's inputs are JSON ({ "text": … }): change the text inside it.
  const input = page.getByLabel("Input (JSON, as the model receives it)");
  const value = JSON.parse(await input.inputValue()) as { text: string };
  await input.fill(JSON.stringify({ text: `${value.text} Truly.` }));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("rev 2", { exact: true })).toBeVisible();

  // Testers read the sheet but cannot decide.
  await page.goto(sheetPath);
  await expect(page.getByText("Only stakeholders and admins sign off")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve SENT-1" })).toHaveCount(0);
  const signoff = page.getByTestId("sheet-signoff-SENT-1");
  await expect(signoff).toContainText("Stale: 1 pattern edited since");
  await expect(signoff.locator(".line-through")).toContainText("Approved");
  await expect(page.getByTestId("sheet-signoff-SENT-2")).not.toContainText("Stale");

  await page.goto(`${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await expect(page.locator("[data-testid=signoff-marker][data-stale=true]")).toHaveCount(2);
  await expect(page.getByTestId("problem-signoff-3.0")).toContainText("◌ stale");

  // The gate no longer counts the stale approval of SENT-1 (high severity).
  const gate = await page.request.get(`/api/v1/models/${modelId}/gate`);
  expect(gate.status()).toBe(200);
  const body = (await gate.json()) as { problems: { key: string; checks: { rule: string; ok: boolean; detail: string }[] }[] };
  const check = body.problems.find((p) => p.key === "SENT-1")?.checks.find((c) => c.rule === "signoff");
  expect(check?.ok).toBe(false);
  expect(check?.detail).toMatch(/stale/i);
});

test("the printable report prints to A4 PDF with the gate decision, every problem and who decided", async ({ page, signInAs }) => {
  test.setTimeout(300_000);
  await signInAs("stakeholder", sheetPath.replace(/sign-off$/, "report"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign-off report: sentiment 3.0");
  await expect(page.getByRole("heading", { name: /Release gate/ })).toContainText(/pass|fail|pending/);
  // One small chart per problem (other specs may have logged more problems than the demo's five).
  const problems = await page.locator("[data-testid^=signoff-row-]").count();
  expect(problems).toBeGreaterThanOrEqual(5);
  await expect(page.locator(".recharts-surface")).toHaveCount(problems);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Ratchet" })).toBeHidden();

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(6);

  // The printed text: from the PDF when poppler's pdftotext is installed, else from the page printed.
  const text = (await pdfText(pdf)) ?? (await page.locator("body").innerText());
  expect(text).toContain("Sign-off report: sentiment 3.0");
  expect(text).toMatch(/Release gate:\s*(pass|fail|pending)/);
  for (const key of ["SENT-1", "SENT-2", "SENT-3", "SENT-4", "SENT-5"]) expect(text).toContain(key);
  expect(text).toContain("Demo stakeholder");
  expect(text).toContain("1 pattern edited since");
  expect(text).toContain("Negation regressed against 2.1.");
});

async function pdfText(pdf: Buffer): Promise<string | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ratchet-report-"));
  const file = path.join(dir, "report.pdf");
  await writeFile(file, pdf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
