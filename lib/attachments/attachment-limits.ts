export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const THUMBNAIL_SIZE = 160;
export const IMAGE_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];
