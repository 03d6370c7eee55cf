import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "@/lib/alerts/sign-webhook-body";
import { DEMO_CHANGED_PATTERN } from "@/lib/demo/demo-now-test";
import { DEMO_PROJECT_PATH, expect, openDemoModelVersion, test } from "./fixtures";

// After the release: the production version's now-test timeline (the demo's
// recorded now-test found one changed output), and webhooks on the project
// settings page — the secret shown once, "Send test" delivered to a real
// receiver on loopback and listed in the delivery log; a tester reads hooks through the API only.

test.describe.configure({ timeout: 120_000 });


test("the production version's page shows the now-test timeline with the changed output", async ({ page, signInAs }) => {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  await openDemoModelVersion(page, "2.1");
  const timeline = page.getByTestId("now-test-timeline");
  await expect(timeline).toBeVisible();
  const entry = timeline.getByTestId("now-test-entry").first();
  await expect(entry.getByText("outputs changed", { exact: true })).toBeVisible();
  await expect(entry.getByText(/^1 of \d+ outputs changed although the version did not\.$/)).toBeVisible();
  await expect(entry.getByRole("link", { name: DEMO_CHANGED_PATTERN })).toHaveAttribute("href", /\/patterns\//);
  // A stakeholder reads it but cannot start one.
  await expect(page.getByRole("button", { name: "Run a now-test" })).toHaveCount(0);
});

test("an engineer adds a webhook (secret shown once) and its test delivery reaches a receiver and the log", async ({ page, signInAs }) => {
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/e2e-hook`;
  try {
    await signInAs("engineer", `${DEMO_PROJECT_PATH}/settings`);
    await expect(page.getByTestId("now-test-next-run")).toHaveText("Off: no now-test runs on its own.");
    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Body").selectOption("slack");
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("new-webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const hooks = page.getByRole("table", { name: "Webhooks" });
    const row = hooks.getByRole("row").filter({ hasText: url });
    await expect(row).toBeVisible();

    await row.getByRole("button", { name: "Send test" }).click();
    const log = page.getByRole("table", { name: "Webhook deliveries" });
    const delivery = log.getByRole("row").filter({ hasText: "webhook.test" }).filter({ hasText: url });
    await expect(delivery).toBeVisible();
    // The worker sends it; the log refreshes itself while a delivery is pending.
    await expect(delivery.getByText("delivered", { exact: true })).toBeVisible({ timeout: 60_000 });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers["x-ratchet-event"]).toBe("webhook.test");
    expect(verifyWebhookSignature(received[0]!.body, secret, received[0]!.headers["x-ratchet-signature"] as string)).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ text: expect.stringContaining("Test delivery") });

    // Shown once: gone after a reload, and never in the page again.
    await page.reload();
    await expect(page.getByTestId("new-webhook-secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    // The hooks and their log are readable by every role through the API; the settings page stays with engineers and admins.
    await page.context().clearCookies();
    await signInAs("tester", DEMO_PROJECT_PATH);
    const projects = (await (await page.request.get("/api/v1/projects")).json()) as { items: { id: string; slug: string }[] };
    const projectId = projects.items.find((p) => p.slug === "review-sentiment")!.id;
    const listed = await page.request.get(`/api/v1/projects/${projectId}/webhooks`);
    expect(listed.status()).toBe(200);
    // Cut to its origin: a hook URL's path may be a credential (Slack's are).
    const urls = ((await listed.json()) as { items: { url: string }[] }).items.map((h) => h.url);
    expect(urls).toContain(`${new URL(url).origin}/…`);
    expect(urls).not.toContain(url);
    const refused = await page.request.post(`/api/v1/projects/${projectId}/webhooks`, { data: { url, format: "json", events: ["gate.changed"] }, headers: { origin: new URL(page.url()).origin } });
    expect(refused.status()).toBe(403);
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
