import type { Prisma } from "@/lib/db/generated/client";

export const attachmentViewSelect = {
  id: true,
  projectId: true,
  contentType: true,
  byteSize: true,
  sha256: true,
  width: true,
  height: true,
  createdAt: true,
} satisfies Prisma.AttachmentSelect;

type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentViewSelect }>;

/** The URLs that serve an attachment: the original and its 160 px thumbnail. */
export function attachmentUrls(attachmentId: string) {
  return { url: `/api/v1/attachments/${attachmentId}`, thumbnailUrl: `/api/v1/attachments/${attachmentId}?thumbnail=1` };
}

/** An attachment's metadata with the URLs that serve it (never the bytes). */
export function toAttachmentView(row: AttachmentRow) {
  return { ...row, ...attachmentUrls(row.id) };
}
