"use client";
import { apiFetch } from "@/lib/api-client/api-fetch";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        void apiFetch("/api/auth/sign-out", { method: "POST", body: {} }).finally(() => window.location.assign("/sign-in"));
      }}
    >
      Sign out
    </button>
  );
}
