import { ApiDocsPage } from "@/components/api-docs/api-docs-page";
import { getOpenApiDocument } from "@/app/api/v1/openapi.json/openapi-document";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "API reference" };

export default async function Page() {
  await requirePageActor("api.read");
  return <ApiDocsPage doc={getOpenApiDocument()} />;
}
