import { ValidationError } from "@/lib/errors/domain-errors";

/** Every {{secret.NAME}} the connector uses must be set: 422 naming each missing one. */
export function assertConnectorSecrets(required: string[], secrets: Record<string, unknown>) {
  const missing = required.filter((name) => typeof secrets[name] !== "string");
  if (missing.length) {
    throw new ValidationError(
      "The connector refers to secrets that are not set.",
      missing.map((name) => ({ path: `body.connectorSecrets.${name}`, message: `is required: the connector uses {{secret.${name}}}` })),
    );
  }
}
