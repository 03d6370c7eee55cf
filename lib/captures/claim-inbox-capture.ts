import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import type { CaptureResource } from "./capture.schema";
import { toCaptureResource } from "./capture-resource";

/**
 * Moves a capture out of the inbox inside the caller's transaction. The
 * conditional UPDATE is the arbiter: of two people triaging at once, one wins
 * and the other gets 409 with the capture as it now is.
 */
export async function claimInboxCapture(
  tx: Prisma.TransactionClient,
  captureId: string,
  data: { status: "triaged" | "dismissed"; triagedById: string },
) {
  const claimed = await tx.capture.updateMany({ where: { id: captureId, status: "inbox" }, data: { ...data, triagedAt: new Date() } });
  const capture = await tx.capture.findUnique({ where: { id: captureId } });
  if (!capture) throw new NotFoundError("Capture");
  if (claimed.count !== 1) throw new ConflictError(`This capture was already ${capture.status}.`, toCaptureResource(capture) satisfies CaptureResource);
  return capture;
}
