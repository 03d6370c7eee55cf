import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { assertOutputsAreLabels } from "./assert-label-outputs";
import type { ConnectorKindName } from "./connector-kinds";
import { createConnector } from "./create-connector";
import { loadConnectorItems } from "./load-connector-items";

/** Patterns sent when a label project registers a model version. */
const PROBE_ITEMS = 5;
/** A server that hangs must not hold the registration for the model's whole timeout. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Before a label project registers a callable model version: sends the
 * project's first patterns (as a replay would: same loader of items, same
 * connector, same output normaliser) and refuses with a 422 when the model
 * answers and none of its outputs is a project label (e.g. class ids without
 * `labels`). Calls that fail do not block registration: the replay records them.
 */
export async function probeLabelOutputs(input: {
  projectId: string;
  connector: { kind: ConnectorKindName };
  secrets: Record<string, string>;
  timeoutMs: number;
}): Promise<void> {
  const project = await prisma().project.findUnique({ where: { id: input.projectId }, select: { outputKind: true, labels: true } });
  if (!project) throw new NotFoundError("Project");
  if (project.outputKind !== "label") return;
  const patterns = await prisma().pattern.findMany({
    where: { projectId: input.projectId, archivedAt: null, currentRevisionId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PROBE_ITEMS,
    select: { currentRevisionId: true },
  });
  const items = await loadConnectorItems(input.projectId, patterns.map((p) => p.currentRevisionId!));
  if (items.length === 0) return;
  const connector = createConnector(input.connector, { secrets: input.secrets });
  const { outcomes } = await connector.invoke(items.map((p) => p.item), { timeoutMs: Math.min(input.timeoutMs, PROBE_TIMEOUT_MS), project });
  assertOutputsAreLabels(outcomes, project, input.connector.kind, "body.connector");
}
