import { errorResponse } from "@/lib/http/json-response";

// Any /api/v1 path no route file answers: a JSON 404 in the API's error shape,
// not Next's HTML page. (Methods a route does not export: proxy.ts answers 405.)
export const dynamic = "force-dynamic";

async function notFound(request: Request): Promise<Response> {
  return errorResponse(404, "not_found", `No API route at ${new URL(request.url).pathname} (see /api/v1/openapi.json).`);
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
