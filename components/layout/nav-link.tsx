"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

type NavLinkProps = {
  href: string;
  /** Exact: active only on this path; otherwise also on paths beneath it. */
  exact?: boolean;
  children: ReactNode;
};

export function NavLink({ href, exact = false, children }: NavLinkProps) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`-mb-px inline-flex shrink-0 items-center border-b-2 px-1 py-3 text-sm font-medium whitespace-nowrap ${
        active
          ? "border-blue-600 text-slate-900"
          : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
      }`}
    >
      {children}
    </Link>
  );
}
