import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { can, currentActor } from "@/lib/auth/current-actor";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ratchet", template: "%s · Ratchet" },
  description: "Track the problems your ML models have and prove, version by version, whether they are getting better.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  return (
    <html lang="en">
      <body>
        <AppShell user={actor?.user ?? null} canManageUsers={can(actor, "users.manage")}>
          {children}
        </AppShell>
      </body>
    </html>
  );
}
