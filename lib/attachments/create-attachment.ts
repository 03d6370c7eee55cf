import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { IMAGE_CONTENT_TYPES, THUMBNAIL_SIZE, type ImageContentType } from "./attachment-limits";
import { attachmentResourceSelect, toAttachmentResource } from "./attachment-resource";

const CONTENT_TYPE_OF_FORMAT: Record<string, ImageContentType> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" };
// Decoding a "decompression bomb" would take the process's memory; 40 megapixels is plenty for a pattern image.
const MAX_PIXELS = 40_000_000;

const NOT_AN_IMAGE = "not a PNG/JPEG/WebP image";

/**
 * Stores an uploaded image of a project (pattern input): verified by decoding
 * it (the Content-Type and file name are not trusted), with its SHA-256,
 * dimensions and a 160 px WebP thumbnail. The same bytes uploaded twice to a
 * project give the same attachment.
 */
export async function createAttachment(actor: Actor, projectId: string, upload: { contentType: string | null; bytes: Uint8Array }) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");

  const declared = (upload.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(IMAGE_CONTENT_TYPES as readonly string[]).includes(declared)) {
    throw new ValidationError(`Send the image as the body with Content-Type ${IMAGE_CONTENT_TYPES.join(", ")}.`, [
      { path: "headers.content-type", message: `must be one of ${IMAGE_CONTENT_TYPES.join(", ")}` },
    ]);
  }
  if (upload.bytes.byteLength === 0) throw new ValidationError("The image is empty.", [{ path: "body", message: "is empty" }]);

  const image = await decodeImage(upload.bytes);
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  const existing = await prisma().attachment.findFirst({ where: { projectId, sha256 }, select: attachmentResourceSelect });
  if (existing) return { attachment: toAttachmentResource(existing), created: false };

  const row = await prisma().$transaction(async (tx) => {
    const created = await tx.attachment.create({
      data: {
        projectId,
        contentType: image.contentType,
        byteSize: upload.bytes.byteLength,
        sha256,
        width: image.width,
        height: image.height,
        data: upload.bytes as Uint8Array<ArrayBuffer>,
        thumbnail: image.thumbnail as Uint8Array<ArrayBuffer>,
      },
      select: attachmentResourceSelect,
    });
    await recordAuditEvent(
      actor,
      { action: "attachment.create", entityType: "attachment", entityId: created.id, projectId, data: { contentType: image.contentType, byteSize: upload.bytes.byteLength, sha256 } },
      tx,
    );
    return created;
  });
  return { attachment: toAttachmentResource(row), created: true };
}

async function decodeImage(bytes: Uint8Array) {
  try {
    const decoder = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" });
    const metadata = await decoder.metadata();
    const contentType = metadata.format ? CONTENT_TYPE_OF_FORMAT[metadata.format] : undefined;
    if (!contentType || !metadata.width || !metadata.height) throw new ValidationError(`The file is ${NOT_AN_IMAGE}.`, [{ path: "body", message: NOT_AN_IMAGE }]);
    // Making the thumbnail decodes every pixel, so a truncated or corrupt file fails here.
    const thumbnail = await decoder
      .clone()
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { contentType, width: metadata.width, height: metadata.height, thumbnail: new Uint8Array(thumbnail) };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`The file is ${NOT_AN_IMAGE} (${error instanceof Error ? error.message : "it could not be decoded"}).`, [{ path: "body", message: NOT_AN_IMAGE }]);
  }
}
