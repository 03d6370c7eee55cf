import { InvitePage } from "@/components/auth/invite-page";
import { findOpenInvite } from "@/lib/users/accept-invite";

export const dynamic = "force-dynamic";
export const metadata = { title: "Accept invite" };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InvitePage token={token} invite={await findOpenInvite(token)} />;
}
