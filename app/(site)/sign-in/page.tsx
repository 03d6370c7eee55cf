import { redirect } from "next/navigation";
import { SignInPage } from "@/components/auth/sign-in-page";
import { currentActor } from "@/lib/auth/current-actor";
import { instanceHasUsers } from "@/lib/users/create-first-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (!(await instanceHasUsers())) redirect("/setup");
  if (await currentActor()) redirect(safeNext(next));
  return <SignInPage next={safeNext(next)} />;
}
