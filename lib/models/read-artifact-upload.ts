import { PayloadTooLargeError, ValidationError } from "@/lib/errors/domain-errors";

export const MAX_ARTIFACT_BYTES = 50 * 1024 * 1024;

export type ArtifactUpload = { filename: string; data: Uint8Array<ArrayBuffer> };

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new PayloadTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

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
  const bytes = await readCapped(request, maxBytes + 64 * 1024);
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
