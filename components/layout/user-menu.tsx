import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** Right side of the top bar: who is signed in, their settings, admin pages for admins. */
export function UserMenu({ user, canManageUsers }: { user: Actor["user"]; canManageUsers: boolean }) {
  const link = "rounded px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white";
  return (
    <nav aria-label="Account" className="ml-auto flex items-center gap-1 text-sm">
      {canManageUsers ? (
        <>
          <Link href="/admin/users" className={link}>
            Users
          </Link>
          <Link href="/admin/audit" className={`${link} hidden sm:inline`}>
            Audit
          </Link>
        </>
      ) : null}
      <Link href="/settings/tokens" className={`${link} hidden sm:inline`}>
        API tokens
      </Link>
      <Link href="/api-docs" className={`${link} hidden sm:inline`}>
        API docs
      </Link>
      <Link href="/account" className={`${link} max-w-72 truncate`} title={`${user.email} (${user.role})`}>
        <span className="sr-only">Account: </span>
        {user.name} <span className="text-slate-400">· {user.role}</span>
      </Link>
      <SignOutButton className={`${link} hidden md:inline`} />
    </nav>
  );
}
