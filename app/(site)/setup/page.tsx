import { SetupPage } from "@/components/auth/setup-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

export default function Page() {
  return <SetupPage />;
}
