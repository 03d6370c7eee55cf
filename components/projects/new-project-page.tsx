import Link from "next/link";
import { MainContent } from "@/components/layout/main-content";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ProjectForm } from "./project-form";

export function NewProjectPage() {
  return (
    <MainContent>
      <PageHeader
        eyebrow={
          <Link href="/" className="hover:underline">
            Projects
          </Link>
        }
        title="New project"
        description="One project per ML task: its problems, patterns and model versions live together."
      />
      <Card>
        <ProjectForm />
      </Card>
    </MainContent>
  );
}
