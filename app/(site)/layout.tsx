import type { ReactNode } from "react";
import { MainContent } from "@/components/layout/main-content";

/** Pages outside a project (account, settings, admin, sign-in) share the page frame. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return <MainContent>{children}</MainContent>;
}
