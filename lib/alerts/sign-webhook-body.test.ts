import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderWebhookBody } from "./render-webhook-body";
import { signWebhookBody, verifyWebhookSignature } from "./sign-webhook-body";

describe("webhook signatures and bodies", () => {
  it("signs the raw body with HMAC-SHA256 as sha256=<hex>, and verifies only the same body and secret", () => {
    const body = '{"event":"gate.changed"}';
    const signature = signWebhookBody(body, "whsec_test");
    expect(signature).toBe(`sha256=${createHmac("sha256", "whsec_test").update(body).digest("hex")}`);
    expect(verifyWebhookSignature(body, "whsec_test", signature)).toBe(true);
    expect(verifyWebhookSignature(`${body} `, "whsec_test", signature)).toBe(false);
    expect(verifyWebhookSignature(body, "whsec_other", signature)).toBe(false);
    expect(verifyWebhookSignature(body, "whsec_test", null)).toBe(false);
  });

  it("renders the generic JSON body and Slack's { text, blocks } with names escaped", () => {
    const message = { deliveryId: "d1", event: "gate.changed", projectId: "p1", projectName: "Sentiment <prod>", data: { summary: "pass → fail", from: "pass" }, occurredAt: new Date("2026-12-03T10:00:00Z") };
    expect(JSON.parse(renderWebhookBody("json", message))).toEqual({
      id: "d1",
      event: "gate.changed",
      occurredAt: "2026-12-03T10:00:00.000Z",
      project: { id: "p1", name: "Sentiment <prod>" },
      data: { summary: "pass → fail", from: "pass" },
    });
    const slack = JSON.parse(renderWebhookBody("slack", message)) as { text: string; blocks: { type: string }[] };
    expect(slack.text).toBe("Gate decision changed · Sentiment &lt;prod&gt;: pass → fail");
    expect(slack.blocks.map((b) => b.type)).toEqual(["section", "context"]);
  });
});
