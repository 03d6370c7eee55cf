import Link from "next/link";
import { MainContent } from "./main-content";

export function NotFoundPage() {
  return (
    <MainContent>
      <div className="py-16 text-center">
        <p className="text-sm font-semibold text-slate-500">404</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">Not found</h1>
        <p className="mt-2 text-slate-600">There is nothing at this address, or it belongs to another project.</p>
        <Link href="/" className="mt-6 inline-block font-medium text-blue-700 hover:underline">
          All projects
        </Link>
      </div>
    </MainContent>
  );
}
