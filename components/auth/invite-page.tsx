import Link from "next/link";
import type { findOpenInvite } from "@/lib/users/accept-invite";
import { AuthCard } from "./auth-card";
import { NewAccountForm } from "./new-account-form";

/** `invite` is null when the link has expired, been used or been revoked. */
export function InvitePage({ token, invite }: { token: string; invite: Awaited<ReturnType<typeof findOpenInvite>> }) {
  if (!invite) {
    return (
      <AuthCard title="This invite link does not work" description="It may have expired, been used already, or been revoked. Ask your Ratchet admin for a new one.">
        <Link href="/sign-in" className="text-sm font-medium text-blue-700 hover:underline">
          Go to sign-in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join Ratchet" description={`You were invited as ${invite.role}. The link expires ${invite.expiresAt.toUTCString()}.`}>
      <NewAccountForm invite={{ email: invite.email, token }} submitLabel="Create account" />
    </AuthCard>
  );
}
