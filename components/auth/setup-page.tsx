import { AuthCard } from "./auth-card";
import { NewAccountForm } from "./new-account-form";

export function SetupPage() {
  return (
    <AuthCard title="Set up Ratchet" description="This instance has no accounts yet. The first account becomes the admin, who then invites everyone else.">
      <NewAccountForm submitLabel="Create admin account" />
    </AuthCard>
  );
}
