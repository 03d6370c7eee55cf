import { redirect } from "next/navigation";
import { instanceHasUsers } from "@/lib/users/create-first-admin";
import { AuthCard } from "./auth-card";
import { NewAccountForm } from "./new-account-form";

export async function SetupPage() {
  if (await instanceHasUsers()) redirect("/sign-in");
  return (
    <AuthCard title="Set up Ratchet" description="This instance has no accounts yet. The first account becomes the admin, who then invites everyone else.">
      <NewAccountForm endpoint="/api/setup" submitLabel="Create admin account" />
    </AuthCard>
  );
}
