import { redirect } from "next/navigation";
import { SetupPage } from "@/components/auth/setup-page";
import { instanceHasUsers } from "@/lib/users/create-first-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

export default async function Page() {
  if (await instanceHasUsers()) redirect("/sign-in");
  return <SetupPage />;
}
