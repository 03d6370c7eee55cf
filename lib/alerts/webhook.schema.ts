import { z } from "zod";
import { projectEventSchema } from "./project-events";

export const createWebhookSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
      .describe("Where deliveries are POSTed; the outbound policy of model connectors (RATCHET_MODEL_HOSTS) applies"),
    format: z.enum(["json", "slack"]).describe("json: { id, event, occurredAt, project, data }; slack: { text, blocks }"),
    events: z
      .array(projectEventSchema)
      .min(1, "choose at least one event")
      .max(20)
      .transform((events) => [...new Set(events)]),
  })
  .strict();
export type CreateWebhookBody = z.infer<typeof createWebhookSchema>;
