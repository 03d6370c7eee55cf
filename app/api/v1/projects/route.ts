import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { tokenProjectIds } from "@/lib/api-tokens/token-project-access";
import { ForbiddenError } from "@/lib/errors/domain-errors";
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
  async ({ query }, actor) => listProjectResources(query, tokenProjectIds(actor)),
);

export const POST = apiRoute(
  {
    permission: "projects.write",
    schemas: { body: createProjectSchema },
    summary: "Create a project (slug taken → 409)",
    response: { status: 201, schema: projectResourceSchema },
  },
  async ({ body }, actor) => {
    if (tokenProjectIds(actor)) throw new ForbiddenError("This API token is limited to chosen projects, so it cannot create one.");
    return jsonResponse(await createProject(actor, body), 201);
  },
);
