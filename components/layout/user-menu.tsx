import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { SignOutButton } from "@/components/auth/sign-out-button";

type UserMenuProps = { user: Actor["user"]; canManageUsers: boolean };

/**
 * Right side of the top bar: who is signed in, their settings, admin pages for
 * admins, and Sign out. Wide screens show them in a row; narrow ones (a 390 px
 * phone) fold them into one Menu disclosure so every entry, Sign out included,
 * stays reachable without widening the page.
 */
export function UserMenu({ user, canManageUsers }: UserMenuProps) {
  const links = [
    ...(canManageUsers
      ? [
          { href: "/admin/users", label: "Users" },
          { href: "/admin/audit", label: "Audit" },
        ]
      : []),
    { href: "/settings/tokens", label: "API tokens" },
    { href: "/api-docs", label: "API docs" },
  ];
  const inline = "rounded px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white";
  const item = "block w-full px-4 py-2 text-left text-slate-800 hover:bg-slate-100";
  return (
    <nav aria-label="Account" className="ml-auto flex min-w-0 items-center gap-1 text-sm">
      <div className="hidden items-center gap-1 md:flex">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className={inline}>
            {link.label}
          </Link>
        ))}
        <Link href="/account" className={`${inline} max-w-72 truncate`} title={`${user.email} (${user.role})`}>
          <span className="sr-only">Account: </span>
          {user.name} <span className="text-slate-400">· {user.role}</span>
        </Link>
        <SignOutButton className={inline} />
      </div>
      <details className="group relative md:hidden">
        <summary className="flex cursor-pointer list-none items-center gap-1 rounded px-2 py-1 text-slate-200 hover:bg-slate-800 hover:text-white [&::-webkit-details-marker]:hidden">
          Menu
          <span aria-hidden="true" className="text-xs group-open:rotate-180">
            ▾
          </span>
        </summary>
        <ul className="absolute right-0 z-30 mt-2 w-60 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          <li className="border-b border-slate-100 px-4 py-2 text-xs text-slate-600">
            Signed in as <span className="font-medium break-words text-slate-900">{user.name}</span> · {user.role}
          </li>
          <li>
            <Link href="/account" className={item}>
              Account
            </Link>
          </li>
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className={item}>
                {link.label}
              </Link>
            </li>
          ))}
          <li className="border-t border-slate-100">
            <SignOutButton className={item} />
          </li>
        </ul>
      </details>
    </nav>
  );
}
