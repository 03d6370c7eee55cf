import type { Prisma } from "@/lib/db/generated/client";

export const attachmentResourceSelect = {
  id: true,
  projectId: true,
  contentType: true,
  byteSize: true,
  sha256: true,
  width: true,
  height: true,
  createdAt: true,
} satisfies Prisma.AttachmentSelect;

type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentResourceSelect }>;

/** An attachment's metadata with the URLs that serve it (never the bytes). */
export function toAttachmentResource(row: AttachmentRow) {
  return { ...row, url: `/api/v1/attachments/${row.id}`, thumbnailUrl: `/api/v1/attachments/${row.id}?thumbnail=1` };
}
