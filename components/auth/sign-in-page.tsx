import { AuthCard } from "./auth-card";
import { SignInForm } from "./sign-in-form";

/** `next`: the same-site path to go to after signing in. */
export function SignInPage({ next }: { next: string }) {
  return (
    <AuthCard title="Sign in to Ratchet" description="Accounts are created by an admin's invitation.">
      <SignInForm next={next} />
    </AuthCard>
  );
}
