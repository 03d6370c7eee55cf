"use client";
import { signOut } from "@/lib/api-client/auth";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        void signOut().finally(() => window.location.assign("/sign-in"));
      }}
    >
      Sign out
    </button>
  );
}
