import Link from "next/link";
import { MainContent } from "@/components/layout/main-content";

export default function Forbidden() {
  return (
    <MainContent>
    <div className="mx-auto mt-16 max-w-md text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Your role does not allow it. Ask an admin if you need it.</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">
        Back to projects
      </Link>
    </div>
    </MainContent>
  );
}
