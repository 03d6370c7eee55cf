import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { InputKind } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import { expectationSchema, type Expectation } from "@/lib/scoring/expectation.schema";
import type { ConnectorItem } from "./connector";

type Db = Pick<Prisma.TransactionClient, "patternRevision">;

/** One pattern revision ready to send: the connector item, what judges its output, and where its result belongs. */
export type PreparedItem = {
  item: ConnectorItem;
  problemId: string;
  /** null: the stored expectation does not parse (the result is an error, the model is not called for it). */
  expectation: Expectation | null;
};

/**
 * THE item builder, for replays and Test connection alike: the given pattern
 * revisions of a project as connector items (input, image bytes of an
 * attachment of the same project, expectation kind for in_top_k), in revision
 * id order. Revisions of other projects are left out.
 */
export async function loadConnectorItems(projectId: string, revisionIds: readonly string[], db: Db = prisma()): Promise<PreparedItem[]> {
  if (revisionIds.length === 0) return [];
  const revisions = await db.patternRevision.findMany({
    where: { projectId, id: { in: [...revisionIds] } },
    select: {
      id: true,
      patternId: true,
      inputKind: true,
      input: true,
      expectation: true,
      attachment: { select: { contentType: true, data: true, projectId: true } },
      pattern: { select: { problemId: true } },
    },
    orderBy: { id: "asc" },
  });
  return revisions.map((revision) =>
    preparedItem(projectId, {
      id: revision.id,
      patternId: revision.patternId,
      problemId: revision.pattern.problemId,
      inputKind: revision.inputKind,
      input: revision.input,
      expectation: revision.expectation,
      attachment: revision.attachment,
    }),
  );
}

/** A pattern revision as stored, with its pattern's problem and its attachment (if any). */
export type ConnectorItemSource = {
  id: string;
  patternId: string;
  problemId: string;
  inputKind: InputKind;
  input: unknown;
  expectation: unknown;
  attachment: { contentType: string; data: Uint8Array; projectId: string } | null;
};

/** THE item of one revision: its connector item (image bytes only from an attachment of the same project) and its parsed expectation. */
export function preparedItem(projectId: string, revision: ConnectorItemSource): PreparedItem {
  const parsed = expectationSchema.safeParse(revision.expectation);
  const attachment = revision.attachment?.projectId === projectId ? revision.attachment : null;
  return {
    problemId: revision.problemId,
    expectation: parsed.success ? parsed.data : null,
    item: {
      patternRevisionId: revision.id,
      patternId: revision.patternId,
      inputKind: revision.inputKind,
      input: revision.input,
      expectationKind: parsed.success ? parsed.data.kind : "equals",
      ...(attachment ? { image: { contentType: attachment.contentType, data: attachment.data } } : {}),
    },
  };
}
