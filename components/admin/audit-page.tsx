import Link from "next/link";
import type { listAuditEvents } from "@/lib/audit/list-audit-events";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format-date";

export function AuditPage({ page }: { page: Awaited<ReturnType<typeof listAuditEvents>> }) {
  return (
    <div className="space-y-4">
      <PageHeader title="Audit log" description="Sign-ins, role changes, tokens and every change to problems and patterns: who, when, from where." />
      <Table aria-label="Audit events">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="px-3 py-2">When</th>
            <th className="px-3 py-2">Who</th>
            <th className="px-3 py-2">What</th>
            <th className="px-3 py-2">From</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {page.items.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">{formatDateTime(e.createdAt)}</td>
              <td className="px-3 py-2">{e.actor ?? "—"}{e.tokenId ? <span className="text-xs text-slate-500"> (token)</span> : null}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2 text-slate-600">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {page.nextCursor ? (
        <Link className="text-sm font-medium text-blue-700 hover:underline" href={`/admin/audit?cursor=${page.nextCursor}`}>
          Older events →
        </Link>
      ) : null}
    </div>
  );
}
