import { describe, expect, it } from "vitest";
import { createWebhookSchema } from "./webhook.schema";

describe("createWebhookSchema", () => {
  it("takes http(s) URLs and known events, deduplicated", () => {
    expect(createWebhookSchema.parse({ url: " https://hooks.example.com/x ", format: "slack", events: ["gate.changed", "gate.changed"] })).toEqual({ url: "https://hooks.example.com/x", format: "slack", events: ["gate.changed"] });
  });

  it("refuses other schemes, unknown events, no events and unknown fields, each at its path", () => {
    const paths = (body: unknown) => createWebhookSchema.safeParse(body).error?.issues.map((i) => i.path.join("."));
    expect(paths({ url: "ftp://example.com/x", format: "json", events: ["gate.changed"] })).toEqual(["url"]);
    expect(paths({ url: "javascript:alert(1)", format: "json", events: ["gate.changed"] })).toEqual(["url"]);
    expect(paths({ url: "https://example.com", format: "json", events: ["replay.exploded"] })).toEqual(["events.0"]);
    expect(paths({ url: "https://example.com", format: "json", events: [] })).toEqual(["events"]);
    expect(paths({ url: "https://example.com", format: "xml", events: ["gate.changed"] })).toEqual(["format"]);
    expect(paths({ url: "https://example.com", format: "json", events: ["gate.changed"], secret: "mine" })).toEqual([""]);
  });
});
