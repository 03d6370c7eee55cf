import { apiRoute } from "@/lib/api/api-route";
import { idParams } from "@/lib/http/id-params";
import { getProject } from "@/lib/projects/get-project";
import { projectResourceSchema, updateProjectSchema } from "@/lib/projects/project.schema";
import { updateProject } from "@/lib/projects/update-project";

export const dynamic = "force-dynamic";

const params = idParams("projectId");

export const GET = apiRoute(
  { permission: "projects.read", schemas: { params }, summary: "Get a project", response: { schema: projectResourceSchema } },
  async ({ params }) => getProject(params.projectId),
);

export const PATCH = apiRoute(
  {
    permission: "projects.write",
    schemas: { params, body: updateProjectSchema },
    summary: "Edit a project; a stale lockVersion gets 409 with `error.current`",
    response: { schema: projectResourceSchema },
  },
  async ({ params, body }, actor) => updateProject(actor, params.projectId, body),
);
