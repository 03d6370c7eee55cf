import type { z } from "zod";
import type { NowTestResource } from "@/lib/now-tests/now-test-resource";
import type { NowTestScheduleResource } from "@/lib/now-tests/now-test-schedule";
import type { nowTestScheduleSchema } from "@/lib/now-tests/now-test-schedule.schema";
import { apiFetch, type Jsonified } from "./api-fetch";

export type NowTestScheduleBody = z.input<typeof nowTestScheduleSchema>;
export type NowTestPage = { items: Jsonified<NowTestResource>[]; nextCursor: string | null };

/** Starts a now-test of the production version: the running now-test. */
export function requestNowTest(modelVersionId: string): Promise<Jsonified<NowTestResource>> {
  return apiFetch(`/api/v1/models/${modelVersionId}/now-tests`, { method: "POST" });
}

/** The version's now-tests with their findings, newest first. */
export function listNowTests(modelVersionId: string, page: { limit?: number } = {}): Promise<NowTestPage> {
  return apiFetch(`/api/v1/models/${modelVersionId}/now-tests${page.limit ? `?limit=${page.limit}` : ""}`);
}

export function getNowTestSchedule(projectId: string): Promise<Jsonified<NowTestScheduleResource>> {
  return apiFetch(`/api/v1/projects/${projectId}/now-test-schedule`);
}

export function saveNowTestSchedule(projectId: string, body: NowTestScheduleBody): Promise<Jsonified<NowTestScheduleResource>> {
  return apiFetch(`/api/v1/projects/${projectId}/now-test-schedule`, { method: "PUT", body });
}
