import { AuditPage } from "@/components/admin/audit-page";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

export default async function Page({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requirePageActor("audit.read");
  const { cursor } = await searchParams;
  const page = await listAuditEvents({ limit: 50, cursor: cursor && /^\d+$/.test(cursor) ? cursor : undefined });
  return <AuditPage page={page} />;
}
