import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import type { Actor } from "@/lib/auth/actor";
import { NavigationProgress } from "./navigation-progress";
import { UserMenu } from "./user-menu";

type AppShellProps = {
  children: ReactNode;
  /** The signed-in user, or null (sign-in, setup and invite pages). */
  user: Actor["user"] | null;
  canManageUsers: boolean;
};

/** The global top bar (wordmark) and the page frame. Project layouts add their own bar beneath. */
export function AppShell({ children, user, canManageUsers }: AppShellProps) {
  return (
    <>
      {/* Reads the URL's search params: outside Suspense it would make every page client-rendered up to here. */}
      <Suspense fallback={null}>
        <NavigationProgress />
      </Suspense>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="bg-slate-900 text-white print:hidden">
        <div className="mx-auto flex h-12 max-w-7xl items-center gap-3 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <RatchetMark />
            <span>Ratchet</span>
          </Link>
          <span className="hidden text-sm text-slate-400 lg:inline">problems your models have, version by version</span>
          {user ? <UserMenu user={user} canManageUsers={canManageUsers} /> : null}
        </div>
      </header>
      {children}
    </>
  );
}

function RatchetMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M3 15 L7 9 L10 12 L15 4" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M12 4 H15 V7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
