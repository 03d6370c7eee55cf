import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { exportPatterns } from "@/lib/import-export/export-patterns";

export const dynamic = "force-dynamic";

/** Streams JSONL in the import format: export → import into a project with the same problem keys recreates the patterns. */
export const GET = apiRoute(
  { permission: "patterns.read", schemas: { params: idParams("projectId") }, summary: "Export the project's current patterns as JSONL", response: { description: "JSONL (application/x-ndjson), one pattern per line" } },
  async ({ params }) => {
    const { project, lines } = await exportPatterns(params.projectId);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await lines.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="${project.slug}-patterns.jsonl"`,
        "cache-control": "no-store",
      },
    });
  },
);
