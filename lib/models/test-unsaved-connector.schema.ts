import { z } from "zod";
import { connectorConfigSchema } from "@/lib/connectors/connector-config.schema";
import { idSchema } from "@/lib/http/id-params";
import { connectorSecretsSchema, timeoutMsSchema } from "./model-version-fields.schema";

/**
 * POST /projects/{projectId}/connectors/test: a connector as registration
 * takes it (`connector`, `connectorSecrets`, `timeoutMs`), tested before it is
 * saved with one of the project's patterns (`patternId`; default its first) or
 * a `sampleInput` (a string is sent as a text input, anything else as a JSON input).
 */
export const testUnsavedConnectorSchema = z
  .object({
    connector: connectorConfigSchema,
    connectorSecrets: connectorSecretsSchema.default({}),
    timeoutMs: timeoutMsSchema.default(10_000),
    patternId: idSchema.optional(),
    sampleInput: z.json().optional().describe("Sent instead of a pattern: a string as a text input, other JSON as a JSON input"),
  })
  .strict()
  .refine((body) => body.patternId === undefined || body.sampleInput === undefined, { path: ["sampleInput"], message: "give patternId or sampleInput, not both" });

export type TestUnsavedConnector = z.output<typeof testUnsavedConnectorSchema>;
