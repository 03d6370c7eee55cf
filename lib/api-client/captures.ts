import type { z } from "zod";
import type { CaptureResource, triageCaptureSchema } from "@/lib/captures/capture.schema";
import type { triageCapture as triageCaptureRow } from "@/lib/captures/triage-capture";
import { apiFetch, type Jsonified } from "./api-fetch";

export type TriageCaptureBody = z.input<typeof triageCaptureSchema>;

/** Turns an inbox capture into a pattern of a problem; 409 when it was triaged already. */
export function triageCapture(captureId: string, body: TriageCaptureBody): Promise<Jsonified<Awaited<ReturnType<typeof triageCaptureRow>>>> {
  return apiFetch(`/api/v1/captures/${captureId}/triage`, { method: "POST", body });
}

/** Takes a capture out of the inbox without making a pattern. */
export function dismissCapture(captureId: string): Promise<CaptureResource> {
  return apiFetch(`/api/v1/captures/${captureId}/dismiss`, { method: "POST" });
}
