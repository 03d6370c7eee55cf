import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ProblemForm } from "./problem-form";

export function NewProblemPage({ project, owners }: { project: { id: string; slug: string; keyPrefix: string }; owners: { id: string; name: string }[] }) {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/projects/${project.slug}/problems`} className="hover:underline">
            Problems
          </Link>
        }
        title="Log a problem"
        description={`It gets the next key (${project.keyPrefix}-…). Add 10–15 patterns to it afterwards, at least one negative.`}
      />
      <Card>
        <ProblemForm projectId={project.id} projectSlug={project.slug} owners={owners} />
      </Card>
    </>
  );
}
