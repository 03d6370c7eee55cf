import "server-only";
import type { ConnectorConfig } from "@/lib/connectors/connector-config.schema";
import { connectorUrl } from "@/lib/connectors/connector-url";
import { findUrlRefusal } from "@/lib/connectors/outbound/find-model-host-refusal";
import { findResolvedUrlRefusal } from "@/lib/connectors/outbound/find-resolved-host-refusal";
import { modelHostPolicy } from "@/lib/connectors/outbound/model-host-policy";
import { ValidationError } from "@/lib/errors/domain-errors";

function refused(path: string, reason: string) {
  return new ValidationError("The connector's URL is refused by the outbound policy (RATCHET_MODEL_HOSTS).", [{ path, message: reason }]);
}

/** Registration and update: a URL the outbound policy refuses (address literal, host name, credentials) is a 422 at `<prefix>.<field>`. */
export function assertConnectorUrlAllowed(config: ConnectorConfig, prefix = "body.connector") {
  const target = connectorUrl(config);
  const reason = target ? findUrlRefusal(target.url, modelHostPolicy()) : null;
  if (target && reason) throw refused(`${prefix}.${target.field}`, reason);
}

/** Test connection: the same check with the host name resolved as the call would resolve it. */
export async function assertConnectorHostAllowed(config: ConnectorConfig, prefix = "connector") {
  const target = connectorUrl(config);
  const reason = target ? await findResolvedUrlRefusal(target.url, modelHostPolicy()) : null;
  if (target && reason) throw refused(`${prefix}.${target.field}`, reason);
}
