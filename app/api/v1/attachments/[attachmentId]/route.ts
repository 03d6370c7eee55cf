import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getAttachmentContent } from "@/lib/attachments/get-attachment-content";

export const dynamic = "force-dynamic";

const querySchema = z.object({ thumbnail: z.enum(["1", "true", "0", "false"]).optional() });

/** The image bytes (`?thumbnail=1`: a 160 px WebP). An id's bytes never change, so browsers may cache them for good. */
export const GET = apiRoute(
  { permission: "patterns.read", schemas: { params: idParams("attachmentId"), query: querySchema }, summary: "An uploaded image or its thumbnail", response: { description: "The image bytes (its own content type)", others: [{ status: 304, description: "Not modified (If-None-Match)" }] } },
  async ({ params, query, request }) => {
    const thumbnail = query.thumbnail === "1" || query.thumbnail === "true";
    const content = await getAttachmentContent(params.attachmentId, thumbnail ? "thumbnail" : "original");
    const headers = {
      "content-type": content.contentType,
      "cache-control": "private, max-age=31536000, immutable",
      etag: content.etag,
      "x-content-type-options": "nosniff",
      "content-disposition": "inline",
    };
    if (request.headers.get("if-none-match") === content.etag) return new Response(null, { status: 304, headers });
    return new Response(content.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, "content-length": String(content.bytes.byteLength) } });
  },
);
