import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { instanceHasUsers } from "@/lib/users/create-first-admin";
import { AuthCard } from "./auth-card";
import { SignInForm } from "./sign-in-form";

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export async function SignInPage({ next }: { next?: string }) {
  if (!(await instanceHasUsers())) redirect("/setup");
  if (await currentActor()) redirect(safeNext(next));
  return (
    <AuthCard title="Sign in to Ratchet" description="Accounts are created by an admin's invitation.">
      <SignInForm next={safeNext(next)} />
    </AuthCard>
  );
}
