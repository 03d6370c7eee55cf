import type { createAttachment } from "@/lib/attachments/create-attachment";
import type { Jsonified } from "./api-fetch";
import { apiUpload } from "./api-upload";

/** An image for a pattern's input: its metadata and URLs (the same bytes twice give the same attachment). */
export async function uploadAttachment(projectId: string, file: Blob): Promise<Jsonified<Awaited<ReturnType<typeof createAttachment>>["attachment"]>> {
  return apiUpload(`/api/v1/projects/${projectId}/attachments`, file, file.type || "application/octet-stream");
}
