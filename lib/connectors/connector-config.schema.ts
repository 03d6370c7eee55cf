import { z } from "zod";
import { CONNECTOR_KINDS } from "./connector-kinds";

// The connector configuration of a model version (ModelVersion.connector): one
// shape per kind, each defined in the kind's folder and listed in the kind
// table. Secrets never live here: they are a separate, encrypted name → value
// object, referred to as {{secret.NAME}} (see README.md).

type SchemasOf<T extends readonly unknown[]> = { -readonly [I in keyof T]: T[I] extends { schema: infer S } ? S : never };
type KindSchemas = SchemasOf<typeof CONNECTOR_KINDS>;

export const connectorConfigSchema = z.discriminatedUnion("kind", CONNECTOR_KINDS.map((entry) => entry.schema) as unknown as KindSchemas);

export type ConnectorConfig = z.output<typeof connectorConfigSchema>;
export type ConnectorConfigInput = z.input<typeof connectorConfigSchema>;
export type { ConnectorKindName } from "./connector-kinds";
