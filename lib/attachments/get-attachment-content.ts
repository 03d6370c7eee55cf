import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { THUMBNAIL_SIZE } from "./attachment-limits";

/** An attachment's bytes (or its thumbnail's) with their content type and hash; 404 when missing. */
export async function getAttachmentContent(attachmentId: string, variant: "original" | "thumbnail") {
  const row = await prisma().attachment.findUnique({
    where: { id: attachmentId },
    select: { id: true, projectId: true, contentType: true, sha256: true, data: variant === "original", thumbnail: variant === "thumbnail" },
  });
  if (!row) throw new NotFoundError("Attachment");
  if (variant === "thumbnail") {
    // Older rows without a thumbnail fall back to the original: correct, just bigger.
    if (row.thumbnail) return { projectId: row.projectId, contentType: "image/webp", bytes: row.thumbnail, etag: `"${row.sha256}-t${THUMBNAIL_SIZE}"` };
    const original = await prisma().attachment.findUniqueOrThrow({ where: { id: attachmentId, projectId: row.projectId }, select: { data: true } });
    return { projectId: row.projectId, contentType: row.contentType, bytes: original.data, etag: `"${row.sha256}"` };
  }
  return { projectId: row.projectId, contentType: row.contentType, bytes: row.data!, etag: `"${row.sha256}"` };
}
