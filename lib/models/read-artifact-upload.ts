import { PayloadTooLargeError, ValidationError } from "@/lib/errors/domain-errors";
import { readBoundedBody } from "@/lib/http/read-bounded-body";

export const MAX_ARTIFACT_BYTES = 50 * 1024 * 1024;

export type ArtifactUpload = { filename: string; data: Uint8Array<ArrayBuffer> };

function safeFilename(name: string | null | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop()?.replace(/[^\w.\- ]+/g, "_").trim().slice(0, 200);
  return base || fallback;
}

/**
 * The uploaded file of POST /models/{id}/artifact: multipart/form-data with a
 * `file` field, or the raw bytes as the body (name from `?filename=`). At most
 * MAX_ARTIFACT_BYTES, counted while reading (413 beyond).
 */
export async function readArtifactUpload(request: Request, maxBytes = MAX_ARTIFACT_BYTES): Promise<ArtifactUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  const bytes = await readBoundedBody(request, maxBytes + 64 * 1024);
  const queryName = new URL(request.url).searchParams.get("filename");
  if (/^multipart\/form-data/i.test(contentType)) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new ValidationError("The multipart body cannot be read.", [{ path: "body", message: "not valid multipart/form-data" }], 400);
    }
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new ValidationError("Send the file in a form field named \"file\".", [{ path: "body.file", message: "is required" }]);
    if (file.size > maxBytes) throw new PayloadTooLargeError(maxBytes);
    const data = new Uint8Array(await file.arrayBuffer());
    return { filename: safeFilename(queryName ?? (file instanceof File ? file.name : null), "upload"), data };
  }
  if (bytes.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return { filename: safeFilename(queryName, "upload"), data: bytes };
}
