import "server-only";
import { notFound } from "next/navigation";
import { idSchema } from "@/lib/http/id-params";
import { findProjectModelVersion } from "./find-project-model-version";

/** For pages under /projects/{slug}/models/{modelId}: the project's model version, or the 404 page. */
export async function requirePageModelVersion(projectId: string, modelId: string) {
  const modelVersion = idSchema.safeParse(modelId).success ? await findProjectModelVersion(projectId, modelId) : null;
  if (!modelVersion) notFound();
  return modelVersion;
}
