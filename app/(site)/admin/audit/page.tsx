import { AuditPage } from "@/components/admin/audit-page";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

export default async function Page({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requirePageActor("audit.read");
  const { cursor } = await searchParams;
  return <AuditPage cursor={cursor} />;
}
