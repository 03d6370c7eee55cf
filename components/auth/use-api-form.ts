"use client";
import { useState } from "react";
import { ApiClientError } from "@/lib/api-client/api-fetch";

/** Submitting state plus the API's error, split into a form message and per-field messages. */
export function useApiForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiClientError | null>(null);
  async function run(action: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiClientError ? e : new ApiClientError(0, "network", "Could not reach the server. Check your connection and try again."));
    } finally {
      setPending(false);
    }
  }
  return { pending, error, run, fieldError: (name: string) => error?.fieldMessage(name) };
}
