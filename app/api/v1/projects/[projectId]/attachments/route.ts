import { apiRoute } from "@/lib/api/api-route";
import { attachmentResponseSchema } from "@/lib/api/openapi/response-schemas";
import { jsonResponse } from "@/lib/http/json-response";
import { idParams } from "@/lib/http/id-params";
import { readBoundedBody } from "@/lib/http/read-bounded-body";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/attachment-limits";
import { createAttachment } from "@/lib/attachments/create-attachment";

export const dynamic = "force-dynamic";

/**
 * The raw image is the body (Content-Type image/png, image/jpeg or image/webp,
 * at most 5 MB). 201 with the new attachment; 200 when the project already has
 * these exact bytes. Reference it from a pattern as `{ "attachmentId": … }`.
 */
export const POST = apiRoute(
  {
    permission: "patterns.write",
    schemas: { params: idParams("projectId") },
    summary: "Upload an image for pattern inputs (raw body)",
    rawBody: { description: "The image itself (at most 5 MB)", mediaTypes: ["image/png", "image/jpeg", "image/webp"] },
    response: {
      status: 201,
      schema: attachmentResponseSchema,
      others: [{ status: 200, schema: attachmentResponseSchema, description: "The project already has these exact bytes: that attachment" }],
    },
    errors: [415],
    maxBodyBytes: MAX_ATTACHMENT_BYTES,
  },
  async ({ params, request }, actor) => {
    const bytes = await readBoundedBody(request, MAX_ATTACHMENT_BYTES);
    const { attachment, created } = await createAttachment(actor, params.projectId, { contentType: request.headers.get("content-type"), bytes });
    return jsonResponse(attachment, created ? 201 : 200);
  },
);
