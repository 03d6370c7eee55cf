import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { createProject } from "@/lib/projects/create-project";
import { listProjectResources } from "@/lib/projects/list-project-resources";
import { createProjectSchema, projectResourceSchema } from "@/lib/projects/project.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  {
    permission: "projects.read",
    schemas: { query: paginationQuerySchema },
    summary: "List projects, by name",
    response: { schema: z.object({ items: z.array(projectResourceSchema), nextCursor: z.string().nullable() }) },
  },
  async ({ query }) => listProjectResources(query),
);

export const POST = apiRoute(
  {
    permission: "projects.write",
    schemas: { body: createProjectSchema },
    summary: "Create a project (slug taken → 409)",
    response: { status: 201, schema: projectResourceSchema },
  },
  async ({ body }, actor) => jsonResponse(await createProject(actor, body), 201),
);
