import { redirect } from "next/navigation";
import { SignInPage } from "@/components/auth/sign-in-page";
import { currentActor } from "@/lib/auth/current-actor";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { publicUrl } from "@/lib/env";
import { instanceHasUsers } from "@/lib/users/create-first-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Only same-origin paths are followed after sign-in (no open redirect).
  const next = safeNextPath((await searchParams).next, publicUrl());
  if (!(await instanceHasUsers())) redirect("/setup");
  if (await currentActor()) redirect(next);
  return <SignInPage next={next} />;
}
