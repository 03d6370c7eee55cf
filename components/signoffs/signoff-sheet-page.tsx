import Link from "next/link";
import { GateStatus } from "@/components/gate/gate-status";
import { ModelStatusBadge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import type { ModelStatus } from "@/lib/db/generated/enums";
import type { GateResource } from "@/lib/gate/gate.schema";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { SignoffSheet } from "@/lib/signoffs/list-signoff-sheet-rows";
import { ApproveAllButton } from "./approve-all-button";
import { SignoffSheetTable } from "./signoff-sheet-table";

type SignoffSheetPageProps = {
  project: { slug: string };
  modelVersion: { id: string; name: string; version: string; status: ModelStatus };
  sheet: SignoffSheet;
  canDecide: boolean;
  /** The release gate's evaluation of this version. */
  gate?: GateResource;
};

/** Problems × one model version: evidence against target and baseline, the current decisions, and Approve / Reject for stakeholders. */
export function SignoffSheetPage({ project, modelVersion, sheet, canDecide, gate }: SignoffSheetPageProps) {
  const base = `/projects/${project.slug}/models/${modelVersion.id}`;
  const approvable = sheet.rows.filter((r) => r.assessment.approvable && !(r.signoff?.decision === "approve" && !r.signoff.stale)).map((r) => r.problem);
  const counted = sheet.rows.filter((r) => r.signoff && !r.signoff.stale);
  const baselineLabel = sheet.baseline ? modelVersionLabel(sheet.baseline.modelVersion) : null;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={base} className="hover:underline">
            {modelVersionLabel(modelVersion)}
          </Link>
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
            Sign-off: {modelVersionLabel(modelVersion)} <ModelStatusBadge status={modelVersion.status} />
          </span>
        }
        description={
          <>
            {counted.filter((r) => r.signoff!.decision === "approve").length} approved, {counted.filter((r) => r.signoff!.decision === "reject").length} rejected,{" "}
            {sheet.rows.length - counted.length} without a current sign-off, of {sheet.rows.length} problems.{" "}
            {sheet.baseline
              ? `Changes are against ${baselineLabel} (${sheet.baseline.reason === "production" ? "production" : "the version before"}), exact McNemar at α = ${sheet.alpha}.`
              : "No other version to compare with."}
          </>
        }
        actions={
          <Link
            href={`${base}/report`}
            className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Printable report
          </Link>
        }
      />
      <div className="space-y-4">
        {gate ? <GateStatus gate={gate} /> : null}
        {canDecide ? <ApproveAllButton modelVersionId={modelVersion.id} problems={approvable.map((p) => ({ id: p.id, key: p.key }))} /> : (
          <p className="text-sm text-slate-600">Only stakeholders and admins sign off; you can read the decisions.</p>
        )}
        <SignoffSheetTable projectSlug={project.slug} modelVersionId={modelVersion.id} rows={sheet.rows} baselineLabel={baselineLabel} canDecide={canDecide} />
      </div>
    </>
  );
}
